package dispatch.bench.event;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Counts the subscribers that got the event of the current operation; the benchmark thread waits for all. */
final class Arrivals {

    private volatile CountDownLatch current = new CountDownLatch(0);

    /** Before a publish: expect {@code subscribers} arrivals. */
    void expect(int subscribers) {
        current = new CountDownLatch(subscribers);
    }

    /** A subscriber got the event. */
    void arrived() {
        current.countDown();
    }

    /** Waits until every subscriber got it; a lost event fails the run instead of hanging it. */
    void await() throws InterruptedException {
        if (!current.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(current.getCount() + " subscribers did not get the event");
        }
    }
}
