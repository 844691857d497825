package dispatch.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dispatch.api.DispatchException;
import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessContext;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.itest.support.ClockGauge;
import dispatch.itest.support.DispatchOptions;
import dispatch.itest.support.DispatchTestSupport;
import dispatch.itest.support.Services;
import dispatch.module.clock.Sleep;
import dispatch.module.clock.Tick;
import dispatch.module.clock.TickerStart;
import dispatch.module.clock.TickerStop;
import dispatch.module.clock.TimerReset;
import dispatch.module.clock.TimerStart;
import dispatch.module.clock.TimerStop;
import dispatch.module.clock.TimerWait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hamcrest.CoreMatchers;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;

/**
 * The clock module in a real Felix with the real runtime: every command yielded by real
 * processes, ticks as messages, stop-before-start, and cleanup when a process ends and when
 * the clock bundle stops (proved on the module's gauge and on its thread).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ClockIT extends DispatchTestSupport {

    private static final long TIMEOUT = Services.TIMEOUT_MILLIS;

    private ProcessRuntime runtime;

    @Configuration
    public Option[] config() {
        return DispatchOptions.runtime();
    }

    @Before
    public void ready() {
        awaitReady();
        runtime = Services.await(context, ProcessRuntime.class, null);
    }

    /** Runs a blocking-style process and returns what it returned, or throws what it threw. */
    private <T> T run(ProcessBody<T> body) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        runtime.spawn((ProcessContext ctx) -> {
            try {
                result.complete(body.run(ctx));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(TIMEOUT, TimeUnit.MILLISECONDS);
    }

    @FunctionalInterface
    interface ProcessBody<T> {
        T run(ProcessContext ctx) throws Exception;
    }

    private static String codeOf(Runnable call) {
        try {
            call.run();
        } catch (DispatchException e) {
            return e.code() + ": " + e.getMessage();
        }
        fail("no error");
        return null;
    }

    // ---------------------------------------------------------------- Sleep

    @Test
    public void sleepCompletesAfterItsDurationNeverBefore() throws Exception {
        long elapsed = run(ctx -> {
            long start = System.nanoTime();
            assertNull(ctx.call(new Sleep(Duration.ofMillis(100))));
            return System.nanoTime() - start;
        });
        assertTrue("woke early: " + elapsed, elapsed >= TimeUnit.MILLISECONDS.toNanos(100));
        assertTrue("woke 2 s late: " + elapsed, elapsed < TimeUnit.MILLISECONDS.toNanos(2100));
        assertTrue(ClockGauge.read().idle());
    }

    @Test
    public void invalidInputFailsTheYieldAndTheProcessLivesOn() throws Exception {
        List<String> errors = run(ctx -> {
            List<String> codes = new ArrayList<>();
            codes.add(codeOf(() -> ctx.call(new Sleep(Duration.ofMillis(-1)))));
            codes.add(codeOf(() -> ctx.call(new Sleep(Duration.ofDays(400)))));
            codes.add(codeOf(() -> ctx.call(new TickerStart(Duration.ZERO, "t"))));
            codes.add(codeOf(() -> ctx.call(new TimerWait(424242))));
            ctx.call(new Sleep(Duration.ofMillis(1))); // still alive and served
            return codes;
        });
        assertEquals(4, errors.size());
        for (String error : errors) {
            assertTrue(error, error.startsWith(DispatchException.INVALID_ARGUMENT + ": "));
        }
        assertThat(errors.get(3), CoreMatchers.containsString("no timer with ID 424242"));
    }

    // ---------------------------------------------------------------- tickers

    @Test
    public void tickerSendsOrderedTicksAsMessagesAndNoneAfterItsStop() throws Exception {
        List<Tick> ticks = new ArrayList<>();
        long[] result = run(ctx -> {
            long id = ctx.call(new TickerStart(Duration.ofMillis(20), "beat"));
            while (ticks.size() < 5) {
                Object message = ctx.receive(Duration.ofSeconds(5)).orElseThrow();
                ticks.add((Tick) message);
            }
            long last = ctx.call(new TickerStop(id));
            // Every tick sent came before the stop's result; none may follow it.
            for (Optional<Object> m; (m = ctx.receive(Duration.ofMillis(100))).isPresent(); ) {
                ticks.add((Tick) m.get());
            }
            String second = codeOf(() -> ctx.call(new TickerStop(id)));
            assertTrue(second, second.startsWith(DispatchException.INVALID_ARGUMENT));
            return new long[] {id, last};
        });
        long id = result[0];
        long last = result[1];
        assertTrue(ticks.size() >= 5);
        long previous = 0;
        for (Tick tick : ticks) {
            assertEquals(id, tick.tickerId());
            assertEquals("beat", tick.topic());
            assertTrue("out of order: " + ticks, tick.sequence() > previous);
            assertTrue("tick " + tick.sequence() + " after stop at " + last, tick.sequence() <= last);
            previous = tick.sequence();
        }
        assertEquals(previous, last);
        assertTrue(ClockGauge.read().idle());
    }

    /**
     * Starts and at once stops 300 tickers of 1 ms, each stop yielded in the step that sees the
     * start's result: many stops reach the module before the ticker's first scheduling took
     * effect. No ticker may tick after its stop's result, and none may survive.
     */
    @Test
    public void stopsThatComeBeforeTheStartTookEffectStillStop() throws Exception {
        CompletableFuture<List<String>> done = new CompletableFuture<>();
        runtime.spawn(new StepProcess() {
            final Map<Long, Long> stopTagToTicker = new HashMap<>();
            final Map<Long, Long> stoppedAt = new HashMap<>();
            final List<String> problems = new ArrayList<>();
            int started;
            int stopped;

            @Override
            public Status step(Events events, StepOutput out) {
                if (started == 0) {
                    started++;
                    out.yield(new TickerStart(Duration.ofMillis(1), "fast"));
                    return Status.WAIT;
                }
                for (int i = 0; i < events.size(); i++) {
                    Event e = events.get(i);
                    if (e.kind() == Event.Kind.MESSAGE) {
                        Tick tick = (Tick) e.value();
                        Long last = stoppedAt.get(tick.tickerId());
                        if (last != null && tick.sequence() > last) {
                            problems.add("ticker " + tick.tickerId() + " ticked " + tick.sequence() + " after its stop at " + last);
                        }
                    } else if (e.failed()) {
                        problems.add("failed: " + e.error());
                    } else if (stopTagToTicker.containsKey(e.tag())) {
                        stoppedAt.put(stopTagToTicker.remove(e.tag()), (Long) e.value());
                        stopped++;
                        if (started < 300) {
                            started++;
                            out.yield(new TickerStart(Duration.ofMillis(1), "fast"));
                        }
                    } else {
                        long ticker = (Long) e.value();
                        stopTagToTicker.put(out.yield(new TickerStop(ticker)), ticker);
                    }
                }
                if (stopped == 300) {
                    done.complete(problems);
                    return Status.DONE;
                }
                return Status.WAIT;
            }
        });
        List<String> problems = done.get(TIMEOUT, TimeUnit.MILLISECONDS);
        assertTrue(problems.toString(), problems.isEmpty());
        assertEquals(0, ClockGauge.read().tickers());
    }

    // ---------------------------------------------------------------- timers

    @Test
    public void timerStartWaitResetStop() throws Exception {
        List<Object> results = run(ctx -> {
            List<Object> r = new ArrayList<>();
            long start = System.nanoTime();
            long id = ctx.call(new TimerStart(Duration.ofMillis(50)));
            r.add(ctx.call(new TimerWait(id)));                            // fires: true
            r.add(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
            r.add(ctx.call(new TimerWait(id)));                            // fired already: true at once
            r.add(ctx.call(new TimerReset(id, Duration.ofMillis(30))));    // had fired: false
            r.add(ctx.call(new TimerWait(id)));                            // fires again: true
            r.add(ctx.call(new TimerReset(id, Duration.ofHours(1))));      // had fired: false
            r.add(ctx.call(new TimerStop(id)));                            // was armed: true
            r.add(codeOf(() -> ctx.call(new TimerStop(id))));              // stop twice
            r.add(codeOf(() -> ctx.call(new TimerWait(id))));
            return r;
        });
        assertEquals(List.of(true, true, true, false, true, false, true), results.subList(0, 7));
        assertThat((String) results.get(7), CoreMatchers.startsWith(DispatchException.INVALID_ARGUMENT + ": timer"));
        assertThat((String) results.get(7), CoreMatchers.containsString("not active"));
        assertThat((String) results.get(8), CoreMatchers.containsString("not active"));
        assertTrue(ClockGauge.read().idle());
    }

    @Test
    public void stoppingATimerReleasesAPendingWaitWithFalse() throws Exception {
        CompletableFuture<List<Object>> done = new CompletableFuture<>();
        runtime.spawn(new StepProcess() {
            long startTag = -1;
            long waitTag;
            long stopTag;
            final List<Object> results = new ArrayList<>(List.of("wait?", "stop?"));

            @Override
            public Status step(Events events, StepOutput out) {
                if (startTag < 0) {
                    startTag = out.yield(new TimerStart(Duration.ofHours(1)));
                    return Status.WAIT;
                }
                for (int i = 0; i < events.size(); i++) {
                    Event e = events.get(i);
                    if (e.isResultOf(startTag)) {
                        long id = (Long) e.value();
                        waitTag = out.yield(new TimerWait(id)); // pending...
                        stopTag = out.yield(new TimerStop(id)); // ...until this stop
                    } else if (e.isResultOf(waitTag)) {
                        results.set(0, e.failed() ? e.error().toString() : e.value());
                    } else if (e.isResultOf(stopTag)) {
                        results.set(1, e.failed() ? e.error().toString() : e.value());
                    }
                }
                if (!"wait?".equals(results.get(0)) && !"stop?".equals(results.get(1))) {
                    done.complete(results);
                    return Status.DONE;
                }
                return Status.WAIT;
            }
        });
        assertEquals(List.of(false, true), done.get(TIMEOUT, TimeUnit.MILLISECONDS));
        assertTrue(ClockGauge.read().idle());
    }

    // ---------------------------------------------------------------- cleanup

    /**
     * A process that holds two sleeps, a ticker, a timer and a wait on it; {@code armed}
     * completes once all of them are registered with the module (the yields of one step are
     * dispatched in order, so when the short sleep yielded last returns, the rest are in).
     */
    private static final class Holder implements StepProcess {

        final CompletableFuture<Void> armed = new CompletableFuture<>();
        final List<String> errors = new ArrayList<>();
        final CompletableFuture<List<String>> failures = new CompletableFuture<>();
        long timerTag = -1;
        long markerTag = -1;
        int pending;

        @Override
        public Status step(Events events, StepOutput out) {
            if (timerTag < 0) {
                out.yield(new Sleep(Duration.ofHours(1)));
                out.yield(new Sleep(Duration.ofHours(2)));
                out.yield(new TickerStart(Duration.ofHours(1), "held")); // never ticks during the test: the counts stay put
                timerTag = out.yield(new TimerStart(Duration.ofHours(1)));
                pending = 3; // two sleeps and the wait
                return Status.WAIT;
            }
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                if (e.isResultOf(timerTag)) {
                    out.yield(new TimerWait((Long) e.value()));
                    markerTag = out.yield(new Sleep(Duration.ofMillis(1)));
                } else if (e.isResultOf(markerTag)) {
                    armed.complete(null);
                } else if (e.kind() == Event.Kind.RESULT && e.failed()) {
                    errors.add(e.error() instanceof DispatchException d ? d.code() : e.error().toString());
                    if (--pending == 0) {
                        failures.complete(errors);
                    }
                }
            }
            return Status.WAIT;
        }
    }

    @Test
    public void everythingAProcessStartedEndsWithIt() throws Exception {
        Holder holder = new Holder();
        long pid = runtime.spawn(holder);
        holder.armed.get(TIMEOUT, TimeUnit.MILLISECONDS);
        assertEquals(new ClockGauge.Counts(2, 1, 1, 1, 4), ClockGauge.read());

        // Taken while the process runs: this stage completes only after the exit actions ran.
        CompletableFuture<ExitReason> exit = runtime.exitOf(pid).orElseThrow().toCompletableFuture();
        assertTrue(runtime.terminate(pid, "test"));
        ExitReason reason = exit.get(TIMEOUT, TimeUnit.MILLISECONDS);
        assertEquals(ExitReason.Kind.TERMINATED, reason.kind());
        // The runtime runs cancel and exit actions before it completes the exit.
        assertEquals(new ClockGauge.Counts(0, 0, 0, 0, 0), ClockGauge.read());
    }

    @Test
    public void stoppingTheClockBundleEndsEverythingAndItComesBackClean() throws Exception {
        Holder holder = new Holder();
        runtime.spawn(holder);
        holder.armed.get(TIMEOUT, TimeUnit.MILLISECONDS);
        assertEquals(new ClockGauge.Counts(2, 1, 1, 1, 4), ClockGauge.read());
        assertTrue(clockThreadAlive());

        Bundle clock = bundle("dispatch.module.clock");
        clock.stop();

        // Every waiting yield got its one result: the module left.
        assertEquals(List.of(DispatchException.MODULE_LEFT, DispatchException.MODULE_LEFT,
                DispatchException.MODULE_LEFT), holder.failures.get(TIMEOUT, TimeUnit.MILLISECONDS));
        assertFalse("the clock's thread must end with the bundle", clockThreadAlive());
        assertFalse("the gauge leaves with the bundle", ClockGauge.registered());

        clock.start();
        awaitReady();
        assertTrue(ClockGauge.read().idle());
        assertNull(run(ctx -> ctx.call(new Sleep(Duration.ofMillis(5)))));
        assertTrue(clockThreadAlive());
    }

    @Test
    public void theShellShowsTheGauge() throws Exception {
        Holder holder = new Holder();
        runtime.spawn(holder);
        holder.armed.get(TIMEOUT, TimeUnit.MILLISECONDS);
        String output = shell("dispatch:clock");
        assertThat(output, CoreMatchers.containsString("sleepers      2"));
        assertThat(output, CoreMatchers.containsString("tickers       1"));
        assertThat(output, CoreMatchers.containsString("timer waits   1"));
    }

    private static boolean clockThreadAlive() {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("dispatch-clock") && thread.isAlive()) {
                return true;
            }
        }
        return false;
    }
}
