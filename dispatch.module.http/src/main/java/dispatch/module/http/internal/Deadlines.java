package dispatch.module.http.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Times requests out. One sweeper thread looks at the requests in flight every tick
 * ({@value #TICK_MILLIS} ms by default) and expires those past their deadline; watching a request costs an
 * insertion into a concurrent set and never wakes a thread. (A scheduled task per request
 * woke the timer thread on every request, which cost more than the rest of the bookkeeping.)
 * A timeout therefore fires up to one tick late. After {@value #LINGER_TICKS} ticks without
 * requests (by default) the sweeper parks until the next one arrives.
 */
final class Deadlines implements AutoCloseable {

    static final long TICK_MILLIS = 10;
    static final int LINGER_TICKS = 100;

    /** Something with a deadline. */
    interface Watched {
        /** The deadline, in {@link System#nanoTime()} terms. */
        long deadline();

        /** Called once the deadline has passed (possibly more than once: be idempotent). */
        void expire();
    }

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final long tickNanos;
    private final int lingerTicks;
    private final Runnable beforePark;
    private final Thread sweeper;
    private volatile boolean parked;
    private volatile boolean closed;

    Deadlines(String threadName) {
        this(threadName, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS), LINGER_TICKS, () -> { });
    }

    /** @param beforePark runs on the sweeper each time it is about to sleep until the next request */
    Deadlines(String threadName, long tickNanos, int lingerTicks, Runnable beforePark) {
        this.tickNanos = tickNanos;
        this.lingerTicks = lingerTicks;
        this.beforePark = beforePark;
        sweeper = new Thread(this::sweep, threadName);
        sweeper.setDaemon(true);
        sweeper.start();
    }

    void watch(Watched request) {
        watched.add(request);
        if (parked) {
            LockSupport.unpark(sweeper);
        }
    }

    void unwatch(Watched request) {
        watched.remove(request);
    }

    int size() {
        return watched.size();
    }


    private void sweep() {
        int idleTicks = 0;
        while (!closed) {
            if (watched.isEmpty()) {
                if (++idleTicks >= lingerTicks) {
                    parked = true;
                    if (watched.isEmpty() && !closed) { // a request that came meanwhile saw parked or is seen here
                        beforePark.run();
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleTicks = 0;
                    continue;
                }
            } else {
                idleTicks = 0;
                long now = System.nanoTime();
                for (Watched request : watched) {
                    if (now - request.deadline() >= 0) {
                        watched.remove(request);
                        expire(request);
                    }
                }
            }
            LockSupport.parkNanos(this, tickNanos);
        }
    }

    private static void expire(Watched request) {
        try {
            request.expire();
        } catch (RuntimeException e) {
            // the sweeper must outlive any one request
            System.getLogger(Deadlines.class.getName()).log(System.Logger.Level.ERROR, "expiring " + request + " failed", e);
        }
    }

    /** Stops the sweeper; requests still watched are left to whoever ends them. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(sweeper);
    }
}
