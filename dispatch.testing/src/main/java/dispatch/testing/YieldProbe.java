package dispatch.testing;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Handler;
import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.api.YieldContext;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One yield as a handler sees it, for testing a handler without a runtime: the context it is
 * given (tag, process, deadline, cancellation) and the receiver it completes. Like the runtime,
 * the probe takes the first completion as the result and refuses (returns {@code false} to) a
 * second one, one with a foreign tag, and one after the yield ended (cancelled, timed out, its
 * process exited). Unlike the runtime it counts them, so that a test can tell a missing, a
 * double and a late completion apart ({@link #assertCompletedOnce}); it never throws into the
 * handler's thread. Every wait is bounded by {@link #WAIT}.
 *
 * <pre>
 * YieldProbe yield = new YieldProbe().yieldTo(handler, new MyCommand(42));
 * assertEquals("done", yield.value());
 * yield.assertCompletedOnce();
 * </pre>
 */
public final class YieldProbe implements YieldContext, ResultReceiver {

    /** How long {@link #value} and {@link #error} wait for the result. */
    public static final Duration WAIT = Duration.ofSeconds(20);
    private static final AtomicLong TAGS = new AtomicLong();

    private final long tag = TAGS.incrementAndGet();
    private final ProcessProbe process;
    private final long deadline;
    private final boolean callerWaits;
    private final CompletableFuture<Object> result = new CompletableFuture<>();
    private final Hooks cancelActions = new Hooks();
    private final Object lock = new Object();
    private volatile boolean ended; // written under lock
    private volatile Runnable beforeCompletion = () -> { };
    private int completions; // guarded by lock
    /** Refused completions: after the yield ended, a second one, a foreign tag. Guarded by lock. */
    private int late;
    private int doubles;
    private int foreign;

    /** A yield of a process of its own, without a deadline, whose caller does not wait. */
    public YieldProbe() {
        this(new ProcessProbe(), null, false);
    }

    /**
     * A yield of {@code process}. With a {@code timeout} it ends with a {@link DispatchException#TIMEOUT}
     * error once that has passed, as the runtime's deadline does; {@code callerWaits} is what
     * {@link #callerWaits()} tells the handler. A yield of a process that has ended is cancelled at once.
     */
    public YieldProbe(ProcessProbe process, Duration timeout, boolean callerWaits) {
        this.process = process;
        this.callerWaits = callerWaits;
        this.deadline = timeout == null ? NO_DEADLINE : System.nanoTime() + timeout.toNanos();
        if (!process.opened(this)) {
            cancel();
        } else if (timeout != null) {
            CompletableFuture.delayedExecutor(timeout.toNanos(), TimeUnit.NANOSECONDS).execute(this::expire);
        }
    }

    /**
     * Hands this yield of {@code command} to {@code handler} on this thread. An exception it
     * throws completes the yield as the runtime completes it: a {@link DispatchException} as it
     * is, anything else as a {@link DispatchException#HANDLER_FAILED} error caused by it.
     */
    public YieldProbe yieldTo(Handler handler, Command<?> command) {
        try {
            handler.handle(this, command, tag, this);
        } catch (DispatchException refused) {
            completeYield(tag, null, refused);
        } catch (Exception thrown) {
            completeYield(tag, null, new DispatchException(DispatchException.HANDLER_FAILED,
                    "the handler of command ID " + command.id() + " threw " + thrown, thrown));
        }
        return this;
    }

    /**
     * Runs {@code action} on the handler's thread each time it completes this yield, before the
     * completion is taken: a test can act at that moment, as a process that resumes at once would.
     */
    public YieldProbe beforeCompletion(Runnable action) {
        beforeCompletion = action;
        return this;
    }

    @Override
    public long tag() {
        return tag;
    }

    @Override
    public ProcessProbe process() {
        return process;
    }

    @Override
    public boolean isCancelled() {
        return ended;
    }

    @Override
    public long deadlineNanos() {
        return deadline;
    }

    @Override
    public boolean callerWaits() {
        return callerWaits;
    }

    @Override
    public Subscription onCancel(Runnable action) {
        return cancelActions.add(action);
    }

    /** The cancel actions registered and not yet closed or run. */
    public int cancelActions() {
        return cancelActions.size();
    }

    /**
     * Cancels the yield as the runtime would: its result is a {@code cancelled} error, and its
     * cancel actions run on this thread.
     */
    public void cancel() {
        end(new DispatchException(DispatchException.CANCELLED, "cancelled"));
    }

    /** Ends the yield as a passed deadline would: its result is a {@code timeout} error. */
    public void expire() {
        end(new DispatchException(DispatchException.TIMEOUT, "deadline passed"));
    }

    private void end(DispatchException why) {
        synchronized (lock) {
            if (ended || result.isDone()) {
                return;
            }
            ended = true;
            result.completeExceptionally(why);
        }
        process.ended(this);
        cancelActions.close();
    }

    @Override
    public boolean completeYield(long completedTag, Object data, Throwable error) {
        beforeCompletion.run();
        synchronized (lock) {
            completions++;
            if (completedTag != tag) {
                foreign++;
                return false;
            }
            if (ended || !process.isAlive()) {
                late++;
                return false;
            }
            if (result.isDone()) {
                doubles++;
                return false;
            }
            if (error == null) {
                result.complete(data);
            } else {
                result.completeExceptionally(error);
            }
        }
        process.ended(this);
        return true;
    }

    /** Whether the yield has its result: a completion, or the error of its end. */
    public boolean isDone() {
        return result.isDone();
    }

    /** Waits up to {@link #WAIT} for the yield's result, a value or an error; none in time fails the test. */
    public void awaitDone() {
        try {
            result.handle((value, error) -> null).get(WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(e); // handle() never fails
        } catch (TimeoutException | InterruptedException e) {
            throw noResult(e);
        }
    }

    /**
     * The value the yield was completed with, waiting up to {@link #WAIT} for it. An error
     * result is thrown as it is when it is a {@link RuntimeException}, else in an {@link AssertionError}.
     */
    @SuppressWarnings("unchecked")
    public <T> T value() {
        try {
            return (T) result.get(WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new AssertionError("yield " + tag + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException | InterruptedException e) {
            throw noResult(e);
        }
    }

    /** The error the yield was completed with, waiting up to {@link #WAIT}; a value fails the test. */
    public Throwable error() {
        try {
            Object value = result.get(WAIT.toNanos(), TimeUnit.NANOSECONDS);
            throw new AssertionError("yield " + tag + " succeeded with " + value + ", an error was expected");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException | InterruptedException e) {
            throw noResult(e);
        }
    }

    /** {@link #error()}, which must be a {@code type}. */
    public <E extends Throwable> E error(Class<E> type) {
        Throwable error = error();
        if (!type.isInstance(error)) {
            throw new AssertionError("expected a " + type.getSimpleName() + ", got " + error, error);
        }
        return type.cast(error);
    }

    private AssertionError noResult(Exception why) {
        if (why instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        return new AssertionError("no result for yield " + tag + " within " + WAIT, why);
    }

    /** How often the handler completed this yield, refused completions included. */
    public int completions() {
        synchronized (lock) {
            return completions;
        }
    }

    /** Fails unless the handler completed the yield exactly once, with its tag, before it ended. */
    public void assertCompletedOnce() {
        synchronized (lock) {
            if (completions != 1 || late + doubles + foreign != 0) {
                throw new AssertionError("yield " + tag + " completed " + completions + " time(s): " + late
                        + " after it ended, " + doubles + " after its result, " + foreign
                        + " with a foreign tag; expected once");
            }
        }
    }

    /** Fails unless the yield ended (cancelled, timed out) without the handler ever completing it. */
    public void assertNeverCompleted() {
        synchronized (lock) {
            if (!ended || completions != 0) {
                throw new AssertionError("yield " + tag + (ended ? "" : " did not end, and was") + " completed "
                        + completions + " time(s); expected an ended yield never completed");
            }
        }
    }

    @Override
    public String toString() {
        String state = ended ? "ended" : result.isDone() ? "completed" : "open";
        return "yield " + tag + " of process " + process.pid() + " (" + state + ")";
    }
}
