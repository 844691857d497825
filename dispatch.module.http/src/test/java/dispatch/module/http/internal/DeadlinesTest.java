package dispatch.module.http.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dispatch.testing.YieldProbe;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Test;

/** The deadline sweeper: expires what is due, never what was unwatched, and wakes up after idling. */
public class DeadlinesTest {

    private final Semaphore parks = new Semaphore(0);
    private final Deadlines deadlines = new Deadlines("test-deadlines", TimeUnit.MILLISECONDS.toNanos(5), 2, parks::release);

    @After
    public void tearDown() {
        deadlines.close();
    }

    /** A watched request that counts its expiries. */
    private static final class Due implements Deadlines.Watched {
        final long deadline;
        final CountDownLatch expired = new CountDownLatch(1);
        final AtomicInteger expiries = new AtomicInteger();

        Due(long inMillis) {
            this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(inMillis);
        }

        @Override
        public long deadline() {
            return deadline;
        }

        @Override
        public void expire() {
            expiries.incrementAndGet();
            expired.countDown();
        }
    }

    @Test
    public void aDueRequestExpiresOnceAndNotBeforeItsDeadline() throws Exception {
        Due due = new Due(50);
        deadlines.watch(due);
        assertTrue(due.expired.await(YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue("not early", System.nanoTime() - due.deadline >= 0);
        assertEquals(1, due.expiries.get());
        assertEquals(0, deadlines.size());
    }

    @Test
    public void anUnwatchedRequestNeverExpires() throws Exception {
        Due gone = new Due(20);
        Due witness = new Due(40);
        deadlines.watch(gone);
        deadlines.watch(witness);
        deadlines.unwatch(gone);
        assertTrue(witness.expired.await(YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals("swept after the unwatched one was due", 0, gone.expiries.get());
    }

    @Test
    public void aRequestAfterTheSweeperWentToSleepStillExpires() throws Exception {
        // Nothing watched: two idle ticks of 5 ms and it sleeps until the next request.
        assertTrue("sleeps when idle", parks.tryAcquire(YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS));
        Due first = new Due(1);
        deadlines.watch(first);
        assertTrue(first.expired.await(YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue("sleeps again", parks.tryAcquire(YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS));
        Due second = new Due(1);
        deadlines.watch(second);
        assertTrue(second.expired.await(YieldProbe.WAIT.toSeconds(), TimeUnit.SECONDS));
    }
}
