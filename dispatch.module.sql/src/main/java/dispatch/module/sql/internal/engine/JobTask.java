package dispatch.module.sql.internal.engine;

import dispatch.api.DispatchException;
import dispatch.module.sql.SqlFailure;
import java.sql.SQLException;

/**
 * Runs the JDBC work of one job on a JDBC thread and turns every failure into the job's error
 * result: a driver's {@link SQLException} keeps its SQLState, anything unexpected becomes
 * {@code handler-failed}. Work for a yield that was cancelled before it started is skipped.
 */
final class JobTask implements Task {

    /** The JDBC work; it completes the job itself when it succeeds. */
    @FunctionalInterface
    interface Work {
        void run() throws SQLException;
    }

    private final Job job;
    private final Source source;
    private final Work work;

    JobTask(Job job, Source source, Work work) {
        this.job = job;
        this.source = source;
        this.work = work;
        source.jobs.add(job);
    }

    @Override
    public void run() {
        try {
            if (!job.isCancelled() && !job.isFinished()) {
                perform();
            }
        } finally {
            source.jobs.remove(job);
        }
    }

    private void perform() {
        try {
            work.run();
        } catch (SQLException e) {
            job.fail(SqlFailure.of(e));
        } catch (DispatchException e) {
            job.fail(e);
        } catch (RuntimeException | Error e) {
            job.fail(new SqlFailure(DispatchException.HANDLER_FAILED, SqlFailure.GENERAL_STATE, 0, String.valueOf(e), e));
        }
    }

    @Override
    public void abort() {
        job.fail(source.gone());
        source.jobs.remove(job);
    }
}
