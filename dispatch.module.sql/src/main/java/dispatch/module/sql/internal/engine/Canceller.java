package dispatch.module.sql.internal.engine;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cancels statements off the cancelling thread ({@code Statement.cancel} opens a connection to
 * the server for PostgreSQL). A cancel that reaches the driver just before the statement starts
 * is lost (H2 and PostgreSQL both cancel only what runs), so while the job still runs the same
 * statement the cancel is repeated, a bounded number of times.
 */
final class Canceller {

    static final long RETRY_MILLIS = 100;
    static final int ATTEMPTS = 100;

    private final ScheduledThreadPoolExecutor thread;
    /** Cancels still repeating; the thread stops once none is left after {@link #shutdown}. */
    private final AtomicInteger repeating = new AtomicInteger();
    private volatile boolean shuttingDown;

    Canceller() {
        thread = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "dispatch-sql-cancel");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
    }

    /** Cancels {@code statement}, again while {@code job} keeps running it. */
    void cancel(Job job, Statement statement) {
        repeating.incrementAndGet();
        attempt(job, statement, 1, true);
    }

    private void attempt(Job job, Statement statement, int attempt, boolean now) {
        try {
            if (now) {
                thread.execute(() -> attempt(job, statement, attempt, false));
                return;
            }
        } catch (RejectedExecutionException e) {
            // stopped: cancel on this thread, once
        }
        Object guard = job.cancelGuard();
        if (guard == null) {
            cancelIfRunning(job, statement);
        } else {
            synchronized (guard) {
                cancelIfRunning(job, statement);
            }
        }
        if (attempt < ATTEMPTS && job.isRunning(statement)) {
            try {
                thread.schedule(() -> attempt(job, statement, attempt + 1, false), RETRY_MILLIS, TimeUnit.MILLISECONDS);
                return;
            } catch (RejectedExecutionException e) {
                // stopped: the connections are being closed
            }
        }
        if (repeating.decrementAndGet() == 0 && shuttingDown) {
            thread.shutdown();
        }
    }

    /** Cancels {@code statement} unless {@code job} finished it: then it may be another job's by now. */
    private static void cancelIfRunning(Job job, Statement statement) {
        if (!job.isRunning(statement)) {
            return;
        }
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException e) {
            // finished or its connection is gone: nothing left to cancel
        }
    }

    /**
     * Stops the thread once the cancels still repeating are done (each within
     * {@value #ATTEMPTS} attempts): a statement whose first cancel came just before it started
     * must still be stopped when the module has gone, or it runs on and holds its connection.
     */
    void shutdown() {
        shuttingDown = true;
        if (repeating.get() == 0) {
            thread.shutdown();
        }
    }
}
