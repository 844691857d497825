package dispatch.module.sql.internal.engine;

import dispatch.api.DispatchException;
import dispatch.api.ProcessRef;
import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.api.YieldContext;
import dispatch.module.sql.SqlFailure;
import java.sql.Statement;
import java.time.Duration;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One yield being served. It keeps what it needs of the {@link YieldContext} (which the runtime
 * may reuse once the result is consumed), cancels the statement that runs when the yield is
 * cancelled, and completes the tag at most once.
 */
final class Job {

    private static final VarHandle FINISHED;
    private static final VarHandle RUNNING;

    static {
        try {
            FINISHED = MethodHandles.lookup().findVarHandle(Job.class, "finished", boolean.class);
            RUNNING = MethodHandles.lookup().findVarHandle(Job.class, "running", Statement.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final long tag;
    private final ProcessRef process;
    private final long deadlineNanos;
    private final ResultReceiver receiver;
    private final Canceller canceller;
    private final Subscription cancellation;
    @SuppressWarnings("unused") // accessed through FINISHED
    private volatile boolean finished;
    private volatile boolean cancelled;
    private volatile Statement running;
    /** What a cancel of the running statement holds while it cancels: set when the statement is shared over time. */
    private Object cancelGuard;
    /** Where {@link ActiveJobs} listed this job: a slot, or its overflow list through the links. */
    int listedAt = ActiveJobs.UNLISTED;
    Job previous;
    Job next;

    Job(YieldContext context, long tag, ResultReceiver receiver, Canceller canceller) {
        this.tag = tag;
        this.process = context.process();
        this.deadlineNanos = context.deadlineNanos();
        this.receiver = receiver;
        this.canceller = canceller;
        this.cancellation = context.onCancel(this::cancelled);
    }

    long tag() {
        return tag;
    }

    ProcessRef process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    /** Whether the yield was cancelled (by its process, its deadline, the process's end or a shutdown). */
    boolean isCancelled() {
        return cancelled;
    }

    /**
     * Marks {@code statement} as about to run, so that a cancellation cancels it. Together with
     * {@link #cancelled()} (each writes, then reads the other's field) either this sees the
     * cancellation or the cancellation sees the statement.
     *
     * @throws SqlFailure {@code cancelled} when the yield was cancelled already: do not run it
     */
    void running(Statement statement) {
        running = statement;
        if (cancelled) {
            running = null;
            throw new SqlFailure(DispatchException.CANCELLED, "57014", "the yield was cancelled");
        }
    }

    /**
     * The statement this job runs next is kept for later jobs too: a cancel of it holds
     * {@code guard}, which whoever hands the statement to a later job holds as well, so that a
     * late cancel of this job can never reach the later job's run.
     */
    void cancelUnder(Object guard) {
        cancelGuard = guard;
    }

    /** What a cancel of the running statement must hold, {@code null} for nothing. */
    Object cancelGuard() {
        return cancelGuard;
    }

    /**
     * The statement finished. A release store: a cancel that still sees it running cancels a
     * statement that is done (kept statements are handed on under the cancel's guard).
     */
    void idle() {
        RUNNING.setRelease(this, (Statement) null);
    }

    /** Whether {@code statement} is the one this job runs now. */
    boolean isRunning(Statement statement) {
        return running == statement;
    }

    /**
     * The query timeout for a statement of this yield in seconds, 0 for none: the smallest of
     * the command's timeout, the datasource's and what is left until the yield's deadline,
     * rounded up to whole seconds (JDBC's unit).
     */
    int timeoutSeconds(Duration commandTimeout, int datasourceSeconds) {
        long seconds = Long.MAX_VALUE;
        if (!commandTimeout.isZero()) {
            seconds = ceilSeconds(commandTimeout.toNanos());
        } else if (datasourceSeconds > 0) {
            seconds = datasourceSeconds;
        }
        if (deadlineNanos != YieldContext.NO_DEADLINE) {
            seconds = Math.min(seconds, ceilSeconds(deadlineNanos - System.nanoTime()));
        }
        return seconds == Long.MAX_VALUE ? 0 : (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
    }

    private static long ceilSeconds(long nanos) {
        return nanos <= 0 ? 1 : (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /**
     * Completes the yield with a value.
     *
     * @return whether the process got it; when not, the caller must undo what the value stands for
     */
    boolean complete(Object value) {
        if (!FINISHED.compareAndSet(this, false, true)) {
            return false;
        }
        cancellation.close();
        return receiver.complete(tag, value);
    }

    /** Completes the yield with an error; does nothing when it is complete already. */
    void fail(Throwable error) {
        if (FINISHED.compareAndSet(this, false, true)) {
            cancellation.close();
            receiver.fail(tag, error);
        }
    }

    /** Fails the yield with {@code why} and cancels its statement: the datasource is going away. */
    void abandon(Throwable why) {
        cancelled();
        fail(why);
    }

    /** Whether the yield was completed (or failed) already. */
    boolean isFinished() {
        return finished;
    }

    private void cancelled() {
        cancelled = true;
        Statement statement = running;
        if (statement != null) {
            canceller.cancel(this, statement);
        }
    }
}
