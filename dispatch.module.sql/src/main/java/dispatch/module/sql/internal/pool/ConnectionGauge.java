package dispatch.module.sql.internal.pool;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the connections the module holds and lets a caller wait, on the event, until none is
 * held. Taking and giving back cost one atomic each; only a release to zero while somebody
 * waits takes the lock.
 */
final class ConnectionGauge {

    private final AtomicInteger held = new AtomicInteger();
    /** How many callers wait in {@link #awaitZero}; each says so before it reads {@link #held}. */
    private volatile int waiters;

    void acquired() {
        held.incrementAndGet();
    }

    void released() {
        // after the decrement, read waiters: a waiter raises it before it reads held, so either
        // it sees zero or this sees it waiting
        if (held.decrementAndGet() == 0 && waiters > 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    int held() {
        return held.get();
    }

    synchronized boolean awaitZero(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        waiters++;
        try {
            while (held.get() > 0) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000L));
            }
            return true;
        } finally {
            waiters--;
        }
    }
}
