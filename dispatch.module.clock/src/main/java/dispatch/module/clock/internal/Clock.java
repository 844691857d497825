package dispatch.module.clock.internal;

import dispatch.api.ProcessRef;
import dispatch.api.Registrar;
import dispatch.api.ResultReceiver;
import dispatch.api.YieldContext;
import dispatch.module.clock.Sleep;
import dispatch.module.clock.TickerStart;
import dispatch.module.clock.TickerStop;
import dispatch.module.clock.TimerReset;
import dispatch.module.clock.TimerStart;
import dispatch.module.clock.TimerStop;
import dispatch.module.clock.TimerWait;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The clock module's state and handlers: one {@link TimingWheel} for every sleeper, ticker and
 * timer, the live tickers and timers by ID, and the counters behind the gauge. Each handler
 * method has the shape of {@link dispatch.api.TypedHandler#handle}; a bad command throws a
 * {@link dispatch.api.DispatchException}, which the runtime turns into the yield's error.
 */
final class Clock implements AutoCloseable {

    static final int KIND_SLEEP = 0;
    static final int KIND_TICKER = 1;
    static final int KIND_TIMER = 2;
    private static final int KINDS = 3;

    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    static final long DRAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final TimingWheel wheel;
    private final Handles handles = new Handles();
    private final LongAdder tickers = new LongAdder();
    private final LongAdder timers = new LongAdder();
    private final LongAdder timerWaits = new LongAdder();
    private volatile boolean closed;

    Clock(TimingWheel wheel) {
        this.wheel = wheel;
    }

    /** A clock with its own wheel thread, ticking every millisecond. */
    static Clock start(String threadName) {
        return new Clock(newWheel(System::nanoTime).start(threadName));
    }

    /** A wheel shaped for this module: 1 ms ticks, the kinds of task it counts. */
    static TimingWheel newWheel(LongSupplier clock) {
        return new TimingWheel(TICK_NANOS, DRAIN_NANOS, clock, KINDS);
    }

    TimingWheel wheel() {
        return wheel;
    }

    // ---------------------------------------------------------------- handlers

    /** Registers every handler, each typed: a command of a foreign class is refused before it gets here. */
    void registerAll(Registrar registrar) {
        registrar.register(Sleep.ID, Sleep.class, this::sleep);
        registrar.register(TickerStart.ID, TickerStart.class, this::tickerStart);
        registrar.register(TickerStop.ID, TickerStop.class, this::tickerStop);
        registrar.register(TimerStart.ID, TimerStart.class, this::timerStart);
        registrar.register(TimerWait.ID, TimerWait.class, this::timerWait);
        registrar.register(TimerStop.ID, TimerStop.class, this::timerStop);
        registrar.register(TimerReset.ID, TimerReset.class, this::timerReset);
    }

    /** {@link Sleep}: one {@link SleepTask} in the wheel, withdrawn if the yield is cancelled. */
    void sleep(YieldContext context, Sleep sleep, long tag, ResultReceiver receiver) {
        long nanos = ClockErrors.checkDuration(sleep.duration(), "Sleep duration", Duration.ZERO);
        checkOpen();
        if (nanos == 0) {
            receiver.complete(tag, null);
            return;
        }
        SleepTask task = new SleepTask(wheel, receiver, tag);
        wheel.scheduleAfter(task, nanos);
        context.onCancel(task); // after scheduling, so that an already cancelled yield withdraws it
    }

    /** {@link TickerStart}: registers the ticker, completes with its ID, then schedules the first tick. */
    void tickerStart(YieldContext context, TickerStart start, long tag, ResultReceiver receiver) {
        long interval = ClockErrors.checkDuration(start.interval(), "Ticker interval", TickerStart.MIN_INTERVAL);
        if (start.topic() == null) {
            throw ClockErrors.invalid("Ticker topic is missing (null)");
        }
        checkOpen();
        ProcessRef owner = context.process();
        Ticker ticker = new Ticker(this, handles.nextId(), owner, start.topic(), wheel.now(), interval);
        added(ticker, tickers);
        ticker.exitLink.keep(owner.onExit(ticker));
        if (closed) {
            ticker.stop();
            throw ClockErrors.moduleLeft();
        }
        // The ID goes out before the first tick can: the result precedes every tick in the queue.
        receiver.complete(tag, ticker.id());
        ticker.begin();
    }

    /** {@link TickerStop}: completes with the last tick's sequence; no tick follows the result. */
    void tickerStop(YieldContext context, TickerStop stop, long tag, ResultReceiver receiver) {
        Ticker ticker = handles.lookup(stop.tickerId(), Ticker.class, "ticker", context.process());
        long last = ticker.stop();
        if (last < 0) {
            throw ClockErrors.invalid("ticker " + stop.tickerId() + " is not active: it was stopped already");
        }
        receiver.complete(tag, last);
    }

    /** {@link TimerStart}: registers and arms a timer, completes with its ID. */
    void timerStart(YieldContext context, TimerStart start, long tag, ResultReceiver receiver) {
        long nanos = ClockErrors.checkDuration(start.duration(), "Timer duration", Duration.ZERO);
        checkOpen();
        ProcessRef owner = context.process();
        long deadline = wheel.now() + nanos;
        Timer timer = new Timer(this, handles.nextId(), owner);
        added(timer, timers);
        timer.exitLink.keep(owner.onExit(timer));
        timer.arm(deadline);
        if (closed) {
            timer.stop(null);
            throw ClockErrors.moduleLeft();
        }
        receiver.complete(tag, timer.id());
    }

    /** {@link TimerWait}: completes when the timer fires, at once if it has. */
    void timerWait(YieldContext context, TimerWait wait, long tag, ResultReceiver receiver) {
        Timer timer = handles.lookup(wait.timerId(), Timer.class, "timer", context.process());
        if (!timer.await(context, tag, receiver)) {
            throw ClockErrors.invalid("timer " + wait.timerId() + " is not active: it was stopped already");
        }
    }

    /** {@link TimerStop}: completes with whether the timer was still armed. */
    void timerStop(YieldContext context, TimerStop stop, long tag, ResultReceiver receiver) {
        Timer timer = handles.lookup(stop.timerId(), Timer.class, "timer", context.process());
        Boolean wasArmed = timer.stop(null);
        if (wasArmed == null) {
            throw ClockErrors.invalid("timer " + stop.timerId() + " is not active: it was stopped already");
        }
        receiver.complete(tag, wasArmed);
    }

    /** {@link TimerReset}: re-arms the timer, completes with whether it was still armed. */
    void timerReset(YieldContext context, TimerReset reset, long tag, ResultReceiver receiver) {
        long nanos = ClockErrors.checkDuration(reset.duration(), "Timer duration", Duration.ZERO);
        Timer timer = handles.lookup(reset.timerId(), Timer.class, "timer", context.process());
        Boolean wasArmed = timer.arm(wheel.now() + nanos);
        if (wasArmed == null) {
            throw ClockErrors.invalid("timer " + reset.timerId() + " is not active: it was stopped already");
        }
        receiver.complete(tag, wasArmed);
    }

    // ---------------------------------------------------------------- bookkeeping

    private void checkOpen() {
        if (closed) {
            throw ClockErrors.moduleLeft();
        }
    }

    private void added(ClockHandle handle, LongAdder counter) {
        counter.increment();
        handles.add(handle);
    }

    /** A ticker or timer ended (exactly once each). */
    void ended(ClockHandle handle) {
        handles.remove(handle);
        (handle instanceof Ticker ? tickers : timers).decrement();
    }

    void waitAdded() {
        timerWaits.increment();
    }

    void waitEnded(int count) {
        timerWaits.add(-count);
    }

    /** What is live now. */
    ClockStats stats() {
        return new ClockStats(wheel.live(KIND_SLEEP), tickers.sum(), timers.sum(), timerWaits.sum(),
                wheel.liveTotal(), wheel.entries());
    }

    /**
     * Ends everything: pending sleeps and timer waits fail with {@code module-left}, tickers
     * and timers stop, the wheel thread ends. Handlers called later fail the same way.
     */
    @Override
    public void close() {
        closed = true;
        wheel.close();
        for (ClockHandle handle : handles.snapshot()) {
            handle.end(ClockErrors.moduleLeft());
        }
    }
}
