package dispatch.bench.clock;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A countdown over {@code count} numbered parties spread over several latches by number, so
 * that the workers, which run neighbouring processes at the same moment, count down on
 * different cache lines instead of all on one: the measurement should not add a contended
 * atomic per process to what it measures.
 */
final class StripedLatch {

    private static final int STRIPES = 64;

    private final CountDownLatch[] stripes = new CountDownLatch[STRIPES];

    StripedLatch(int count) {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new CountDownLatch(count / STRIPES + (i < count % STRIPES ? 1 : 0));
        }
    }

    /** Party {@code index} (0 to count - 1) arrived; each party once. */
    void countDown(int index) {
        stripes[index % STRIPES].countDown();
    }

    /** How many parties have not arrived yet. */
    long getCount() {
        long left = 0;
        for (CountDownLatch stripe : stripes) {
            left += stripe.getCount();
        }
        return left;
    }

    /** Waits until every party arrived; {@code false} if {@code timeout} passed first. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (CountDownLatch stripe : stripes) {
            if (!stripe.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        return true;
    }
}
