package dispatch.module.clock.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Handler;
import dispatch.module.clock.Sleep;
import dispatch.module.clock.Tick;
import dispatch.module.clock.TickerStart;
import dispatch.module.clock.TickerStop;
import dispatch.module.clock.TimerReset;
import dispatch.module.clock.TimerStart;
import dispatch.module.clock.TimerStop;
import dispatch.module.clock.TimerWait;
import dispatch.testing.ProcessProbe;
import dispatch.testing.YieldProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * The handlers, driven directly as a worker would through the yields of {@code dispatch.testing},
 * over a wheel moved by a fake clock: every step of time is explicit, so these tests are exact
 * and need no waiting.
 */
public class ClockTest {

    private final FakeClock time = new FakeClock();
    private final TimingWheel wheel = Clock.newWheel(time);
    private final Clock clock = new Clock(wheel);
    private final ProcessProbe process = new ProcessProbe();
    private final Map<Integer, Handler> handlers = new HashMap<>();

    public ClockTest() {
        clock.registerAll((id, name, handler) -> handlers.put(id, handler));
    }

    @After
    public void close() {
        clock.close();
    }

    private YieldProbe send(Command<?> command) {
        return send(process, command);
    }

    private YieldProbe send(ProcessProbe from, Command<?> command) {
        return new YieldProbe(from, null, false).yieldTo(handlers.get(command.id()), command);
    }

    private void advance(long millis) {
        for (long i = 0; i < millis; i++) {
            time.advanceMillis(1);
            wheel.poll();
        }
    }

    /** The value of a yield that must have its result already: these tests move time themselves. */
    private static Object value(YieldProbe yield) {
        assertTrue("no result yet", yield.isDone());
        Object value = yield.value();
        yield.assertCompletedOnce();
        return value;
    }

    private static void assertError(String code, String messagePart, YieldProbe yield) {
        assertTrue("no result", yield.isDone());
        DispatchException error = yield.error(DispatchException.class);
        yield.assertCompletedOnce();
        assertEquals(error.getMessage(), code, error.code());
        assertTrue(error.getMessage(), error.getMessage().contains(messagePart));
    }

    private void assertIdle() {
        wheel.poll();
        ClockStats stats = clock.stats();
        assertTrue(stats.toString(), stats.isIdle());
    }

    private List<Tick> ticks(ProcessProbe p) {
        List<Tick> ticks = new ArrayList<>();
        for (Object message; (message = p.received().poll()) != null; ) {
            ticks.add((Tick) message);
        }
        return ticks;
    }

    // ---------------------------------------------------------------- Sleep

    @Test
    public void sleepCompletesAfterItsDurationAndNotBefore() {
        YieldProbe sleep = send(new Sleep(Duration.ofMillis(250)));
        assertEquals(1, clock.stats().sleepers());
        advance(249);
        assertFalse(sleep.isDone());
        time.advanceNanos(999_999);
        wheel.poll();
        assertFalse("a nanosecond early", sleep.isDone());
        time.advanceNanos(1);
        wheel.poll();
        assertNull(value(sleep));
        assertIdle();
    }

    @Test
    public void aWokenProcessNeverSeesItsOwnSleepStillCounted() {
        YieldProbe sleep = send(new Sleep(Duration.ofMillis(3)));
        long[] seenAtCompletion = {-1, -1};
        sleep.beforeCompletion(() -> {
            seenAtCompletion[0] = clock.stats().sleepers();
            seenAtCompletion[1] = clock.stats().wheelLive();
        });
        advance(3);
        assertNull(value(sleep));
        assertEquals(0, seenAtCompletion[0]);
        assertEquals(0, seenAtCompletion[1]);
    }

    @Test
    public void zeroSleepCompletesAtOnce() {
        YieldProbe sleep = send(new Sleep(Duration.ZERO));
        assertNull(value(sleep));
        assertIdle();
    }

    @Test
    public void invalidDurationsFailOnlyTheYield() {
        assertError(DispatchException.INVALID_ARGUMENT, "negative", send(new Sleep(Duration.ofMillis(-1))));
        assertError(DispatchException.INVALID_ARGUMENT, "365 days", send(new Sleep(Duration.ofDays(366))));
        assertError(DispatchException.INVALID_ARGUMENT, "365 days", send(new Sleep(Duration.ofSeconds(Long.MAX_VALUE))));
        assertError(DispatchException.INVALID_ARGUMENT, "null", send(new Sleep(null)));
        assertError(DispatchException.INVALID_ARGUMENT, "at least 1 ms",
                send(new TickerStart(Duration.ofNanos(1), "t")));
        assertError(DispatchException.INVALID_ARGUMENT, "topic", send(new TickerStart(Duration.ofSeconds(1), null)));
        assertError(DispatchException.INVALID_ARGUMENT, "negative", send(new TimerStart(Duration.ofSeconds(-5))));
        // the process lives on: its next sleep works
        YieldProbe sleep = send(new Sleep(Duration.ofMillis(5)));
        advance(5);
        assertNull(value(sleep));
        assertIdle();
    }

    @Test
    public void aForeignCommandClassWithTheIdIsRefused() {
        Command<Void> impostor = () -> Sleep.ID;
        YieldProbe yield = send(impostor);
        assertError(DispatchException.INVALID_ARGUMENT, "expects a dispatch.module.clock.Sleep", yield);
    }

    @Test
    public void cancellingTheYieldTakesTheSleeperOutOfTheWheel() {
        YieldProbe sleep = send(new Sleep(Duration.ofSeconds(30)));
        wheel.poll();
        assertEquals(1, wheel.entries());
        sleep.cancel();
        assertEquals(0, clock.stats().sleepers());
        wheel.poll();
        assertEquals(0, wheel.entries());
        advance(100);
        time.advanceMillis(30_000);
        wheel.poll();
        sleep.assertNeverCompleted();
        assertIdle();
    }

    @Test
    public void processExitCancelsItsSleeps() {
        List<YieldProbe> sleeps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sleeps.add(send(new Sleep(Duration.ofSeconds(i + 1))));
        }
        assertEquals(10, clock.stats().sleepers());
        process.exit();
        assertIdle();
        time.advanceMillis(20_000);
        wheel.poll();
        sleeps.forEach(YieldProbe::assertNeverCompleted);
    }

    // ---------------------------------------------------------------- tickers

    @Test
    public void tickerSendsOrderedTicksAsMessagesUntilStopped() {
        YieldProbe start = send(new TickerStart(Duration.ofMillis(100), "heartbeat"));
        long id = (Long) value(start);
        assertEquals(1, clock.stats().tickers());
        advance(99);
        assertTrue(process.received().isEmpty());
        advance(1);
        advance(200);
        List<Tick> ticks = ticks(process);
        assertEquals(3, ticks.size());
        for (int i = 0; i < ticks.size(); i++) {
            assertEquals(id, ticks.get(i).tickerId());
            assertEquals("heartbeat", ticks.get(i).topic());
            assertEquals(i + 1, ticks.get(i).sequence());
        }
        YieldProbe stop = send(new TickerStop(id));
        assertEquals(3L, value(stop));
        advance(500);
        assertTrue("no tick after the stop", process.received().isEmpty());
        assertEquals("the exit registration was closed", 0, process.exitHooks());
        assertIdle();
    }

    @Test
    public void tickerSkipsTicksItWasTooLateForAndKeepsItsRhythm() {
        long id = (Long) value(send(new TickerStart(Duration.ofMillis(10), "t")));
        advance(10);
        time.advanceMillis(45); // the wheel thread stalls for 4.5 intervals
        wheel.poll();
        advance(10);
        List<Long> sequences = ticks(process).stream().map(Tick::sequence).toList();
        assertEquals(List.of(1L, 5L, 6L), sequences);
        assertEquals(6L, value(send(new TickerStop(id))));
    }

    @Test
    public void stopBeforeTheTickerWasScheduledStillStopsIt() {
        // The process reacts to the start result at once, while the ticker is still on its way
        // into the wheel: the stop's tombstone (the stopped flag) keeps it from ever ticking.
        List<YieldProbe> stops = new ArrayList<>();
        YieldProbe start = new YieldProbe(process, null, false)
                .beforeCompletion(() -> stops.add(send(new TickerStop(1)))) // the first ID a fresh clock issues
                .yieldTo(handlers.get(TickerStart.ID), new TickerStart(Duration.ofMillis(1), "t"));
        assertEquals(1, stops.size());
        assertEquals(0L, value(stops.get(0)));
        assertEquals(1L, value(start));
        advance(50);
        assertTrue(process.received().isEmpty());
        assertIdle();
    }

    @Test
    public void stopWhileTheFirstScheduleIsStillInTheInboxStopsIt() {
        long id = (Long) value(send(new TickerStart(Duration.ofMillis(1), "t")));
        // no wheel round yet: the ticker is pending in the inbox
        assertEquals(0L, value(send(new TickerStop(id))));
        advance(20);
        assertTrue(process.received().isEmpty());
        assertIdle();
    }

    @Test
    public void tickerStopTwiceUnknownForeignAndWrongKindFailClearly() {
        long id = (Long) value(send(new TickerStart(Duration.ofSeconds(1), "t")));
        ProcessProbe other = new ProcessProbe();
        assertError(DispatchException.NOT_OWNER, "belongs to process " + process.pid(), send(other, new TickerStop(id)));
        assertEquals(0L, value(send(new TickerStop(id))));
        assertError(DispatchException.INVALID_ARGUMENT, "not active", send(new TickerStop(id)));
        assertError(DispatchException.INVALID_ARGUMENT, "was ever started", send(new TickerStop(999)));
        long timer = (Long) value(send(new TimerStart(Duration.ofSeconds(1))));
        assertError(DispatchException.INVALID_ARGUMENT, "is the ID of a timer", send(new TickerStop(timer)));
        long ticker = (Long) value(send(new TickerStart(Duration.ofSeconds(1), "u")));
        assertError(DispatchException.INVALID_ARGUMENT, "is the ID of a ticker", send(new TimerStop(ticker)));
        assertError(DispatchException.INVALID_ARGUMENT, "is the ID of a ticker", send(new TimerWait(ticker)));
        value(send(new TimerStop(timer)));
        value(send(new TickerStop(ticker)));
        assertIdle();
    }

    @Test
    public void processExitStopsItsTickers() {
        send(new TickerStart(Duration.ofMillis(5), "a"));
        send(new TickerStart(Duration.ofMillis(7), "b"));
        advance(20);
        assertEquals(2, clock.stats().tickers());
        process.exit();
        assertIdle();
        process.received().clear();
        advance(50);
        assertTrue(process.received().isEmpty());
    }

    @Test
    public void tickerOfAProcessThatIsGoneEndsOnItsNextTick() {
        // Without an exit notification (the send fails instead) the ticker still ends.
        ProcessProbe quiet = new ProcessProbe();
        send(quiet, new TickerStart(Duration.ofMillis(5), "a"));
        quiet.endUnnoticed();
        advance(5);
        assertIdle();
    }

    // ---------------------------------------------------------------- timers

    @Test
    public void timerFiresOnceWaitsCompleteAndResetArmsItAgain() {
        long id = (Long) value(send(new TimerStart(Duration.ofMillis(100))));
        YieldProbe wait = send(new TimerWait(id));
        YieldProbe secondWait = send(new TimerWait(id));
        assertEquals(2, clock.stats().timerWaits());
        advance(99);
        assertFalse(wait.isDone());
        advance(1);
        assertEquals(Boolean.TRUE, value(wait));
        assertEquals(Boolean.TRUE, value(secondWait));
        assertEquals("a fired timer: at once", Boolean.TRUE, value(send(new TimerWait(id))));

        assertEquals("reset after firing", Boolean.FALSE, value(send(new TimerReset(id, Duration.ofMillis(50)))));
        YieldProbe third = send(new TimerWait(id));
        advance(30);
        assertEquals("reset while armed", Boolean.TRUE, value(send(new TimerReset(id, Duration.ofMillis(50)))));
        advance(49);
        assertFalse("the old deadline is dropped", third.isDone());
        advance(1);
        assertEquals(Boolean.TRUE, value(third));

        assertEquals("stopped after firing", Boolean.FALSE, value(send(new TimerStop(id))));
        assertIdle();
    }

    @Test
    public void stoppingAnArmedTimerReleasesItsWaitsWithFalse() {
        long id = (Long) value(send(new TimerStart(Duration.ofSeconds(10))));
        YieldProbe wait = send(new TimerWait(id));
        assertEquals(Boolean.TRUE, value(send(new TimerStop(id))));
        assertEquals(Boolean.FALSE, value(wait));
        assertError(DispatchException.INVALID_ARGUMENT, "not active", send(new TimerStop(id)));
        assertError(DispatchException.INVALID_ARGUMENT, "not active", send(new TimerWait(id)));
        assertError(DispatchException.INVALID_ARGUMENT, "not active", send(new TimerReset(id, Duration.ofSeconds(1))));
        assertError(DispatchException.INVALID_ARGUMENT, "was ever started", send(new TimerWait(0)));
        advance(20);
        assertIdle();
    }

    @Test
    public void stopBeforeTheTimerReachedTheWheelStillStopsIt() {
        long id = (Long) value(send(new TimerStart(Duration.ofMillis(1))));
        // no wheel round yet: the arming is pending in the inbox
        assertEquals(Boolean.TRUE, value(send(new TimerStop(id))));
        advance(10);
        assertIdle();
    }

    @Test
    public void cancellingAWaitWithdrawsOnlyThatWait() {
        long id = (Long) value(send(new TimerStart(Duration.ofMillis(100))));
        YieldProbe cancelled = send(new TimerWait(id));
        YieldProbe kept = send(new TimerWait(id));
        cancelled.cancel();
        assertEquals(1, clock.stats().timerWaits());
        advance(100);
        cancelled.assertNeverCompleted();
        assertEquals(Boolean.TRUE, value(kept));
        value(send(new TimerStop(id)));
        assertIdle();
    }

    @Test
    public void anotherProcessCannotUseATimer() {
        long id = (Long) value(send(new TimerStart(Duration.ofMillis(100))));
        ProcessProbe other = new ProcessProbe();
        assertError(DispatchException.NOT_OWNER, "timer " + id, send(other, new TimerWait(id)));
        assertError(DispatchException.NOT_OWNER, "timer " + id, send(other, new TimerReset(id, Duration.ZERO)));
        assertError(DispatchException.NOT_OWNER, "timer " + id, send(other, new TimerStop(id)));
        value(send(new TimerStop(id)));
    }

    @Test
    public void processExitEndsItsTimersAndWaits() {
        long armed = (Long) value(send(new TimerStart(Duration.ofSeconds(5))));
        long fired = (Long) value(send(new TimerStart(Duration.ofMillis(1))));
        advance(1);
        send(new TimerWait(armed));
        assertEquals(2, clock.stats().timers());
        assertEquals(1, clock.stats().timerWaits());
        assertTrue(fired > 0);
        process.exit();
        assertIdle();
    }

    // ---------------------------------------------------------------- module stop

    @Test
    public void closeEndsEverythingAndFailsPendingYieldsWithModuleLeft() {
        YieldProbe sleep = send(new Sleep(Duration.ofSeconds(10)));
        YieldProbe inboxSleep;
        wheel.poll();
        inboxSleep = send(new Sleep(Duration.ofSeconds(10)));
        long timer = (Long) value(send(new TimerStart(Duration.ofSeconds(10))));
        YieldProbe wait = send(new TimerWait(timer));
        send(new TickerStart(Duration.ofMillis(5), "t"));
        advance(5);
        ClockStats before = clock.stats();
        assertEquals(2, before.sleepers());
        assertEquals(1, before.tickers());
        assertEquals(1, before.timers());
        assertEquals(1, before.timerWaits());

        clock.close();

        assertError(DispatchException.MODULE_LEFT, "clock module stopped", sleep);
        assertError(DispatchException.MODULE_LEFT, "clock module stopped", inboxSleep);
        assertError(DispatchException.MODULE_LEFT, "clock module stopped", wait);
        assertTrue(clock.stats().isIdle());
        assertEquals("exit registrations closed", 0, process.exitHooks());
        assertError(DispatchException.MODULE_LEFT, "clock module stopped", send(new Sleep(Duration.ofSeconds(1))));
        assertError(DispatchException.MODULE_LEFT, "clock module stopped",
                send(new TickerStart(Duration.ofSeconds(1), "t")));
        assertTrue(clock.stats().isIdle());
    }
}
