package dispatch.module.clock.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Test;

public class TimingWheelTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final FakeClock clock = new FakeClock();
    private TimingWheel wheel = new TimingWheel(MS, 10 * MS, clock, 2);

    @After
    public void close() {
        wheel.close();
    }

    /** Records when it fired (the clock's value) and in which order. */
    static class Probe extends WheelTask {

        final List<Probe> log;
        long firedAt = -1;
        int fired;
        int aborted;
        Runnable onExpire = () -> { };

        Probe(List<Probe> log) {
            this.log = log;
        }

        @Override
        long expire(long nowNanos) {
            firedAt = nowNanos;
            fired++;
            if (log != null) {
                synchronized (log) {
                    log.add(this);
                }
            }
            onExpire.run();
            return NO_REPEAT;
        }

        @Override
        void abort() {
            aborted++;
        }

        @Override
        int kind() {
            return 0;
        }
    }

    private Probe schedule(List<Probe> log, long delayNanos) {
        Probe probe = new Probe(log);
        wheel.schedule(probe, clock.getAsLong() + delayNanos);
        return probe;
    }

    @Test
    public void firesEveryTaskAtItsTickInDeadlineOrderNeverEarly() {
        List<Probe> log = new ArrayList<>();
        Random random = new Random(42);
        List<Probe> probes = new ArrayList<>();
        long start = clock.getAsLong();
        for (int i = 0; i < 20_000; i++) {
            // sub-millisecond deadlines up to 5 minutes away: levels 0 to 3
            probes.add(schedule(log, (long) (random.nextDouble() * TimeUnit.MINUTES.toNanos(5))));
        }
        for (int ms = 0; ms <= 5 * 60_000 + 1; ms++) {
            wheel.poll();
            clock.advanceMillis(1);
        }
        assertEquals(probes.size(), log.size());
        long previous = Long.MIN_VALUE;
        for (Probe probe : log) {
            assertEquals(1, probe.fired);
            assertTrue("fired early", probe.firedAt >= probe.deadline);
            assertTrue("fired more than a tick late", probe.firedAt - probe.deadline < MS);
            long tick = Math.floorDiv(probe.deadline - start + MS - 1, MS);
            assertTrue("out of order", tick >= previous);
            previous = tick;
        }
        assertEquals(0, wheel.liveTotal());
        assertEquals(0, wheel.entries());
    }

    @Test
    public void cascadesThroughEveryLevelToTheExactTick() {
        long[] delaysMs = {1, 63, 64, 65, 127, 4095, 4096, 4097, 262_143, 262_145, 16_777_217, 1_073_741_825L,
                TimeUnit.DAYS.toMillis(300), TimeUnit.DAYS.toMillis(365)};
        long start = clock.getAsLong();
        List<Probe> probes = new ArrayList<>();
        for (long delay : delaysMs) {
            probes.add(schedule(null, delay * MS));
        }
        wheel.poll();
        for (int i = 0; i < delaysMs.length; i++) {
            Probe probe = probes.get(i);
            clock.set(start + delaysMs[i] * MS - 1); // a nanosecond short: not yet
            wheel.poll();
            assertEquals("fired early: " + delaysMs[i] + " ms", 0, probe.fired);
            clock.set(start + delaysMs[i] * MS);
            wheel.poll();
            assertEquals("not fired on time: " + delaysMs[i] + " ms", 1, probe.fired);
            for (int j = i + 1; j < probes.size(); j++) {
                assertEquals(0, probes.get(j).fired);
            }
        }
        assertEquals(0, wheel.liveTotal());
    }

    @Test
    public void oneLongJumpFiresEverythingInOrder() {
        List<Probe> log = new ArrayList<>();
        long[] delaysMs = {TimeUnit.DAYS.toMillis(200), 5, 70_000, 1, 4096, TimeUnit.HOURS.toMillis(7), 64};
        for (long delay : delaysMs) {
            schedule(log, delay * MS);
        }
        wheel.poll();
        clock.advanceMillis(TimeUnit.DAYS.toMillis(201));
        wheel.poll();
        long[] sorted = delaysMs.clone();
        Arrays.sort(sorted);
        assertEquals(delaysMs.length, log.size());
        for (int i = 1; i < log.size(); i++) {
            assertTrue(log.get(i).deadline > log.get(i - 1).deadline);
        }
    }

    @Test
    public void keepsPrecisionAcrossTheTopLevelsTurn() {
        // Move the wheel to just before the end of its top level's turn (2^36 ticks), then
        // schedule past it: the top level works as a ring.
        long start = clock.getAsLong();
        long turn = TimingWheel.SPAN_TICKS * MS;
        clock.set(start + turn - 5 * MS);
        wheel.poll();
        long delay = TimeUnit.DAYS.toNanos(300) + 123 * MS;
        Probe probe = schedule(null, delay);
        Probe near = schedule(null, 10 * MS);
        wheel.poll();
        clock.advanceMillis(10);
        wheel.poll();
        assertEquals(1, near.fired);
        clock.set(probe.deadline - 1);
        wheel.poll();
        assertEquals(0, probe.fired);
        clock.set(probe.deadline);
        wheel.poll();
        assertEquals(1, probe.fired);
    }

    @Test
    public void tasksDueInTheSameTickFireInSchedulingOrder() {
        List<Probe> log = new ArrayList<>();
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            probes.add(schedule(log, 3000 * MS));
        }
        clock.advanceMillis(3000);
        wheel.poll();
        assertEquals(probes, log);
    }

    @Test
    public void cancelledTasksNeverFireAndLeaveTheWheel() {
        List<Probe> log = new ArrayList<>();
        Probe beforeTakenIn = schedule(log, 50 * MS);
        assertTrue(wheel.cancel(beforeTakenIn)); // still in the inbox
        Probe inSlot = schedule(log, 5000 * MS);
        Probe kept = schedule(log, 5000 * MS);
        wheel.poll();
        assertEquals(2, wheel.entries());
        assertTrue(wheel.cancel(inSlot)); // in a slot of level 1
        assertFalse("second cancel", wheel.cancel(inSlot));
        assertEquals(1, wheel.liveTotal());
        wheel.poll();
        assertEquals("unlinked on the next round", 1, wheel.entries());
        clock.advanceMillis(5000);
        wheel.poll();
        assertEquals(List.of(kept), log);
        assertFalse("cancel after firing", wheel.cancel(kept));
        assertEquals(0, wheel.liveTotal());
        assertEquals(0, wheel.entries());
    }

    @Test
    public void aTaskIsScheduledOnlyOnce() {
        Probe probe = schedule(null, MS);
        try {
            wheel.schedule(probe, clock.getAsLong() + MS);
            fail("scheduled twice");
        } catch (IllegalStateException expected) {
            // fine
        }
        try {
            wheel.schedule(new Probe(null), clock.getAsLong() + wheel.maxDelayNanos() + MS);
            fail("beyond the wheel's reach");
        } catch (IllegalArgumentException expected) {
            // fine
        }
    }

    @Test
    public void repeatingTaskFiresEveryPeriodUntilCancelled() {
        long period = 250 * MS;
        List<Long> firings = new ArrayList<>();
        WheelTask repeating = new WheelTask() {
            @Override
            long expire(long nowNanos) {
                firings.add(nowNanos);
                return deadline + period;
            }
            @Override
            int kind() {
                return 1;
            }
        };
        long start = clock.getAsLong();
        wheel.schedule(repeating, start + period);
        for (int ms = 0; ms < 1300; ms++) {
            clock.advanceMillis(1);
            wheel.poll();
        }
        assertEquals(List.of(start + period, start + 2 * period, start + 3 * period, start + 4 * period,
                start + 5 * period), firings);
        assertEquals(1, wheel.live(1));
        assertTrue(wheel.cancel(repeating));
        assertEquals(0, wheel.live(1));
        wheel.poll();
        assertEquals(0, wheel.entries());
    }

    @Test
    public void closeAbortsEveryTaskOnceAndCountsDropToZero() {
        List<Probe> probes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            probes.add(schedule(null, (i + 1) * 10 * MS));
        }
        wheel.poll(); // half in slots...
        for (int i = 0; i < 1000; i++) {
            probes.add(schedule(null, (i + 1) * 10 * MS)); // ...half still in the inbox
        }
        wheel.cancel(probes.get(0));
        assertEquals(1999, wheel.liveTotal());
        wheel.close();
        assertEquals(0, wheel.liveTotal());
        assertEquals(0, wheel.entries());
        int aborted = 0;
        for (Probe probe : probes) {
            assertEquals(0, probe.fired);
            aborted += probe.aborted;
        }
        assertEquals(1999, aborted);
        Probe late = schedule(null, MS);
        assertEquals("scheduled after close: aborted at once", 1, late.aborted);
        assertEquals(0, wheel.liveTotal());
    }

    // ---------------------------------------------------------------- with the real thread

    @Test
    public void realThreadWakesTasksWithinAFewMilliseconds() throws InterruptedException {
        wheel = new TimingWheel(MS, 10 * MS, System::nanoTime, 2).start("test-clock");
        int count = 2000;
        CountDownLatch done = new CountDownLatch(count);
        long[] lateness = new long[count];
        for (int i = 0; i < count; i++) {
            int index = i;
            long deadline = System.nanoTime() + (5 + ThreadLocalRandom.current().nextInt(300)) * MS;
            wheel.schedule(new WheelTask() {
                @Override
                long expire(long nowNanos) {
                    lateness[index] = System.nanoTime() - deadline;
                    done.countDown();
                    return NO_REPEAT;
                }

                @Override
                int kind() {
                    return 0;
                }
            }, deadline);
        }
        assertTrue(done.await(10, TimeUnit.SECONDS));
        Arrays.sort(lateness);
        assertTrue("woke early: " + lateness[0], lateness[0] >= 0);
        // Loose bound: a shared 2-core machine can stall any thread; typical is ~1 ms.
        assertTrue("p50 lateness " + lateness[count / 2] / 1e6 + " ms", lateness[count / 2] < 20 * MS);
        awaitRounds();
        assertEquals(0, wheel.live(0));
    }

    @Test
    public void concurrentScheduleAndCancelLeaveNothingBehind() throws InterruptedException {
        wheel = new TimingWheel(MS, 10 * MS, System::nanoTime, 2).start("test-clock");
        int threads = 4;
        int perThread = 25_000;
        // Every task ends: it fires, or a cancel of it succeeds (or both, when the cancel comes
        // while it fires); the first of the two counts.
        CountDownLatch ended = new CountDownLatch(threads * perThread);
        AtomicInteger firedTwice = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < perThread; i++) {
                    Probe probe = new Probe(null);
                    java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
                    probe.onExpire = () -> {
                        if (probe.fired > 1) {
                            firedTwice.incrementAndGet();
                        }
                        if (done.compareAndSet(false, true)) {
                            ended.countDown();
                        }
                    };
                    wheel.schedule(probe, System.nanoTime() + random.nextInt(100) * MS);
                    int choice = random.nextInt(4);
                    if (choice == 0) {
                        Thread.yield(); // let the wheel take some in first
                    }
                    if (choice <= 1 && wheel.cancel(probe) && done.compareAndSet(false, true)) {
                        ended.countDown();
                    }
                }
            }, "scheduler-" + t).start();
        }
        assertTrue(ended.await(30, TimeUnit.SECONDS));
        assertEquals(0, firedTwice.get());
        awaitRounds(); // the last expiry's count may lag its latch by a moment: one round settles it
        assertEquals(0, wheel.live(0));
        assertEquals(0, wheel.entries());
    }

    /** Waits (on latches) for the wheel thread to finish two more rounds. */
    private void awaitRounds() throws InterruptedException {
        for (int i = 0; i < 2; i++) {
            CountDownLatch round = new CountDownLatch(1);
            Probe marker = new Probe(null) {
                @Override
                int kind() {
                    return 1; // counted apart from the tasks under test
                }
            };
            marker.onExpire = round::countDown;
            // Due long ago: it fires in the round that takes it in, so it is never counted in
            // entries() (a deadline just past could still round up to the wheel's next tick).
            wheel.schedule(marker, System.nanoTime() - TimeUnit.SECONDS.toNanos(1));
            assertTrue(round.await(5, TimeUnit.SECONDS));
        }
    }
}
