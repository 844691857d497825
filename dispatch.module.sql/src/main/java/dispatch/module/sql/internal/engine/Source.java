package dispatch.module.sql.internal.engine;

import dispatch.api.DispatchException;
import dispatch.module.sql.SqlFailure;
import dispatch.module.sql.internal.pool.SqlPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A datasource as the engine uses it: its pool and the JDBC threads for it. Work that needs a
 * new connection runs on {@link #acquiring}; work on a connection a transaction or cursor holds
 * runs on {@link #holding}, through the resource's lane. Without virtual threads both are pools
 * of {@code pool.size} threads: kept apart, threads waiting for a connection can never take the
 * threads that the holders of connections need to finish and give theirs back.
 */
final class Source {

    final SqlPool pool;
    final HandleTable handles;
    final ExecutorService acquiring;
    final ExecutorService holding;
    /**
     * Whether JDBC may run on a waiting caller's thread: not for an embedded H2 database on
     * files, whose file channels an interrupt of that thread (a process being terminated)
     * would close under the database.
     */
    final boolean callerMayRun;
    /**
     * Whether statements are told the row cap ({@code setMaxRows}), so that a driver that buffers
     * a whole result (PostgreSQL outside a cursor) stops at it. Not for H2: it reads results
     * lazily anyway, and with a max-rows set it materialises each result first (about a tenth of
     * a query by key in the profiles). The engine counts the rows it reads either way.
     */
    final boolean capsRowsInDriver;
    /** The shapes of recent query results on this datasource. */
    final ShapeCache shapes;
    /** Prepared statements kept per connection for work in autocommit mode. */
    final StatementCache statements;
    /** The jobs with work on this datasource, so that closing can fail and cancel them. */
    final ActiveJobs jobs = new ActiveJobs();
    private volatile boolean closed;

    Source(SqlPool pool, HandleTable handles, boolean allowVirtual) {
        this.pool = pool;
        this.handles = handles;
        int threads = pool.settings().poolSize();
        this.acquiring = JdbcThreads.executor("dispatch-sql-" + pool.name(), threads, allowVirtual);
        this.holding = JdbcThreads.executor("dispatch-sql-" + pool.name() + "-tx", threads, allowVirtual);
        this.callerMayRun = !embeddedH2OnFiles(pool.settings().url());
        this.capsRowsInDriver = !pool.settings().url().startsWith("jdbc:h2:");
        this.statements = new StatementCache(pool);
        this.shapes = new ShapeCache(pool.settings().verifyResultShape());
    }

    static boolean embeddedH2OnFiles(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length());
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:"));
    }

    String name() {
        return pool.name();
    }

    Connection borrow() throws SQLException {
        return pool.borrow();
    }

    void giveBack(Connection connection) {
        pool.giveBack(connection);
    }

    /** A lane for the connection of a transaction or cursor. */
    Lane lane() {
        return new Lane(holding);
    }

    /** Runs {@code task} on the calling thread, which may block. */
    void runHere(Task task) {
        if (closed) {
            task.abort();
        } else {
            task.run();
        }
    }

    /** Runs {@code task} on a thread that may wait for a connection. */
    void submit(Task task) {
        if (closed) {
            task.abort();
            return;
        }
        try {
            acquiring.execute(task);
        } catch (RejectedExecutionException e) {
            task.abort();
        }
    }

    /** The error of work that will not run because the datasource is going away. */
    SqlFailure gone() {
        return new SqlFailure(DispatchException.SHUTDOWN, "08003", "datasource " + name() + " is closing");
    }

    /**
     * Stops taking work and closes every handle on this datasource: queued work is aborted,
     * running statements are cancelled through their yields, and after at most
     * {@code waitMillis} whatever still holds a connection is closed directly.
     */
    void close(long waitMillis) {
        closed = true;
        SqlFailure gone = gone();
        for (Job job : jobs.snapshot()) {
            job.abandon(gone);
        }
        List<Resource> resources = handles.all();
        for (Resource resource : resources) {
            if (resource.source == this) {
                resource.close("datasource " + name() + " closing");
            }
        }
        abortQueued(acquiring);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        // the holding lanes run the closes queued above; then they stop too
        holding.shutdown();
        awaitUntil(acquiring, end);
        awaitUntil(holding, end);
        abortQueued(holding);
        for (Resource resource : handles.all()) {
            if (resource.source == this) {
                resource.closeNow();
            }
        }
        statements.close();
    }

    /** Stops the executor and aborts what waits in its queue; never interrupts running JDBC (H2 closes its files on an interrupt). */
    private static void abortQueued(ExecutorService executor) {
        executor.shutdown();
        if (executor instanceof ThreadPoolExecutor pool) {
            List<Runnable> queued = new ArrayList<>();
            pool.getQueue().drainTo(queued);
            for (Runnable runnable : queued) {
                if (runnable instanceof Task task) {
                    task.abort();
                }
            }
        }
    }

    private static void awaitUntil(ExecutorService executor, long endNanos) {
        try {
            executor.awaitTermination(Math.max(0, endNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
