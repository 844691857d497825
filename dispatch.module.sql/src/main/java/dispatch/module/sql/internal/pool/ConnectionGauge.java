package dispatch.module.sql.internal.pool;

/** Counts the connections the module holds and lets a caller wait, on the event, until none is held. */
final class ConnectionGauge {

    private int held;

    synchronized void acquired() {
        held++;
    }

    synchronized void released() {
        held--;
        if (held == 0) {
            notifyAll();
        }
    }

    synchronized int held() {
        return held;
    }

    synchronized boolean awaitZero(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (held > 0) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        return true;
    }
}
