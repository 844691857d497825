package dispatch.module.sql.internal.engine;

import dispatch.api.ResultReceiver;
import dispatch.api.YieldContext;
import dispatch.module.sql.Begin;
import dispatch.module.sql.CursorClose;
import dispatch.module.sql.Execute;
import dispatch.module.sql.ExecuteResult;
import dispatch.module.sql.Fetch;
import dispatch.module.sql.Isolation;
import dispatch.module.sql.Keys;
import dispatch.module.sql.Options;
import dispatch.module.sql.Prepare;
import dispatch.module.sql.Query;
import dispatch.module.sql.Rows;
import dispatch.module.sql.SqlFailure;
import dispatch.module.sql.StmtClose;
import dispatch.module.sql.StmtExecute;
import dispatch.module.sql.StmtQuery;
import dispatch.module.sql.TxCommit;
import dispatch.module.sql.TxExecute;
import dispatch.module.sql.TxPrepare;
import dispatch.module.sql.TxQuery;
import dispatch.module.sql.TxRollback;
import dispatch.module.sql.internal.pool.SqlPool;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sql module's work: one method per command, each starting the JDBC work on a JDBC thread
 * (or the lane of the handle's connection) and returning at once. Handle lookups, ownership and
 * argument checks happen on the caller's thread, so that a bad command fails at once.
 */
public final class SqlEngine implements AutoCloseable {

    /** How long closing a datasource waits for its running work before it closes connections directly. */
    static final long CLOSE_WAIT_MILLIS = 5_000;

    private final HandleTable handles = new HandleTable();
    private final Canceller canceller = new Canceller();
    private final boolean allowVirtual;
    private final boolean callerRuns;
    private final Object lock = new Object();
    private volatile Map<String, Source> sources = Map.of();
    private volatile boolean closed;

    /**
     * @param allowVirtual whether JDBC may run on virtual threads where the JVM has them
     * @param callerRuns   whether a command whose process does nothing but wait for it
     *                     ({@link YieldContext#callerWaits()}) runs its JDBC right on the
     *                     caller's thread, sparing two thread hand-overs
     */
    public SqlEngine(boolean allowVirtual, boolean callerRuns) {
        this.allowVirtual = allowVirtual;
        this.callerRuns = callerRuns;
    }

    /** Runs connection-taking work: on the caller's thread when its process waits anyway, else on a JDBC thread. */
    private void start(YieldContext context, Source source, Task task) {
        if (runsHere(context, source)) {
            source.runHere(task);
        } else {
            source.submit(task);
        }
    }

    /** Runs work on a held connection's lane: on the caller's thread when its process waits anyway and the lane is idle. */
    private void start(YieldContext context, Lane lane, Source source, Task task) {
        if (runsHere(context, source)) {
            lane.runHereOrSubmit(task);
        } else {
            lane.submit(task);
        }
    }

    private boolean runsHere(YieldContext context, Source source) {
        return callerRuns && source.callerMayRun && context.callerWaits();
    }

    /** Whether JDBC runs on virtual threads. */
    public boolean virtualThreads() {
        return allowVirtual && JdbcThreads.virtual();
    }

    /**
     * Makes {@code wanted} the datasources by name: new ones are added, and those that left or
     * were replaced are closed with everything open on them.
     */
    public void use(Map<String, SqlPool> wanted) {
        List<Source> gone = new ArrayList<>();
        synchronized (lock) {
            if (closed) {
                return;
            }
            Map<String, Source> next = new HashMap<>();
            for (Map.Entry<String, SqlPool> entry : wanted.entrySet()) {
                Source current = sources.get(entry.getKey());
                next.put(entry.getKey(), current != null && current.pool == entry.getValue()
                        ? current : new Source(entry.getValue(), handles, allowVirtual));
            }
            for (Source source : sources.values()) {
                if (next.get(source.name()) != source) {
                    gone.add(source);
                }
            }
            sources = Map.copyOf(next);
        }
        for (Source source : gone) {
            source.close(CLOSE_WAIT_MILLIS);
        }
    }

    /** The names of the datasources in use. */
    public List<String> dataSources() {
        return new ArrayList<>(sources.keySet());
    }

    /** The open handles, for listings: kind, ID, owner, datasource, age. */
    public List<HandleInfo> handles() {
        List<HandleInfo> infos = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (Resource resource : handles.all()) {
            infos.add(new HandleInfo(resource.kind().label, resource.id, resource.owner, resource.source.name(),
                    now - resource.openedAtMillis));
        }
        infos.sort((a, b) -> Long.compare(a.id(), b.id()));
        return infos;
    }

    /** One open handle, for listings. */
    public record HandleInfo(String kind, long id, long owner, String datasource, long ageMillis) {
    }

    // ---- commands without a handle

    public void query(YieldContext context, Query query, long tag, ResultReceiver receiver) {
        Source source = source(query.datasource());
        Values.check(query.params());
        Job job = job(context, tag, receiver);
        start(context, source, new JobTask(job, source, () -> runQuery(job, source, query.sql(), query.params(), query.options())));
    }

    public void execute(YieldContext context, Execute execute, long tag, ResultReceiver receiver) {
        Source source = source(execute.datasource());
        Values.check(execute.params());
        Job job = job(context, tag, receiver);
        start(context, source, new JobTask(job, source,
                () -> runExecute(job, source, execute.sql(), execute.params(), execute.keys(), execute.options())));
    }

    public void prepare(YieldContext context, Prepare prepare, long tag, ResultReceiver receiver) {
        Source source = source(prepare.datasource());
        Job job = job(context, tag, receiver);
        start(context, source, new JobTask(job, source, () -> {
            int count;
            Connection connection = source.borrow();
            try (PreparedStatement statement = Jdbc.prepare(connection, prepare.sql(), prepare.keys())) {
                count = Jdbc.parameterCount(statement);
            } finally {
                source.giveBack(connection);
            }
            PlainStatement statement = new PlainStatement(handles.nextId(), job.pid(), source, prepare.sql(),
                    prepare.keys(), count);
            deliver(job, statement, statement.handle());
        }));
    }

    public void begin(YieldContext context, Begin begin, long tag, ResultReceiver receiver) {
        Source source = source(begin.datasource());
        Job job = job(context, tag, receiver);
        start(context, source, new JobTask(job, source, () -> {
            Connection connection = source.borrow();
            Tx tx;
            try {
                if (job.isCancelled()) {
                    source.giveBack(connection);
                    return;
                }
                connection.setAutoCommit(false);
                if (begin.isolation() != Isolation.DEFAULT) {
                    connection.setTransactionIsolation(begin.isolation().jdbcLevel());
                }
                if (begin.readOnly()) {
                    connection.setReadOnly(true);
                }
                tx = new Tx(handles.nextId(), job.pid(), source, connection);
            } catch (SQLException | RuntimeException e) {
                Jdbc.rollbackQuietly(connection);
                source.giveBack(connection);
                throw e;
            }
            deliver(job, tx, tx.handle());
        }));
    }

    // ---- prepared statements

    public void stmtQuery(YieldContext context, StmtQuery query, long tag, ResultReceiver receiver) {
        Resource statement = handles.get(Resource.Kind.STATEMENT, Resource.class, query.statement().id(), pid(context));
        Values.check(query.params());
        Job job = job(context, tag, receiver);
        if (statement instanceof PlainStatement plain) {
            Values.checkCount(query.params(), plain.parameterCount);
            start(context, plain.source, new JobTask(job, plain.source,
                    () -> runQuery(job, plain.source, plain.sql, query.params(), query.options())));
        } else {
            TxStatement inTx = (TxStatement) statement;
            Values.checkCount(query.params(), inTx.parameterCount);
            start(context, inTx.tx.lane, inTx.source, new JobTask(job, inTx.source, () -> {
                inTx.checkOpen();
                inTx.handTo(job);
                if (query.options().pageSize() > 0) {
                    openTxCursor(job, inTx.tx, inTx.sql, query.params(), query.options());
                } else {
                    job.complete(Jdbc.query(job, inTx.source, inTx.statement, inTx.sql, true, query.params(), query.options()));
                }
            }));
        }
    }

    public void stmtExecute(YieldContext context, StmtExecute execute, long tag, ResultReceiver receiver) {
        Resource statement = handles.get(Resource.Kind.STATEMENT, Resource.class, execute.statement().id(), pid(context));
        Values.check(execute.params());
        Job job = job(context, tag, receiver);
        if (statement instanceof PlainStatement plain) {
            Values.checkCount(execute.params(), plain.parameterCount);
            start(context, plain.source, new JobTask(job, plain.source,
                    () -> runExecute(job, plain.source, plain.sql, execute.params(), plain.keys, execute.options())));
        } else {
            TxStatement inTx = (TxStatement) statement;
            Values.checkCount(execute.params(), inTx.parameterCount);
            start(context, inTx.tx.lane, inTx.source, new JobTask(job, inTx.source, () -> {
                inTx.checkOpen();
                inTx.handTo(job);
                ExecuteResult result = Jdbc.execute(job, inTx.source, inTx.statement, true, execute.params(), inTx.keys,
                        execute.options());
                inTx.tx.updated(inTx.sql);
                job.complete(result);
            }));
        }
    }

    public void stmtClose(YieldContext context, StmtClose close, long tag, ResultReceiver receiver) {
        Resource statement = handles.get(Resource.Kind.STATEMENT, Resource.class, close.statement().id(), pid(context));
        if (statement instanceof PlainStatement plain) {
            plain.closeNow(); // holds nothing: no JDBC to wait for
            receiver.complete(tag, null);
            return;
        }
        TxStatement inTx = (TxStatement) statement;
        Job job = job(context, tag, receiver);
        start(context, inTx.tx.lane, inTx.source, new JobTask(job, inTx.source, () -> {
            if (!inTx.isOpen()) {
                inTx.checkOpen();
            }
            inTx.closeNow();
            job.complete(null);
        }));
    }

    // ---- transactions

    public void txQuery(YieldContext context, TxQuery query, long tag, ResultReceiver receiver) {
        Tx tx = handles.get(Resource.Kind.TX, Tx.class, query.tx().id(), pid(context));
        Values.check(query.params());
        Job job = job(context, tag, receiver);
        start(context, tx.lane, tx.source, new JobTask(job, tx.source, () -> {
            tx.checkOpen();
            if (query.options().pageSize() > 0) {
                openTxCursor(job, tx, query.sql(), query.params(), query.options());
            } else {
                job.complete(Jdbc.query(job, tx.source, tx.connection, query.sql(), query.params(), query.options()));
            }
        }));
    }

    public void txExecute(YieldContext context, TxExecute execute, long tag, ResultReceiver receiver) {
        Tx tx = handles.get(Resource.Kind.TX, Tx.class, execute.tx().id(), pid(context));
        Values.check(execute.params());
        Job job = job(context, tag, receiver);
        start(context, tx.lane, tx.source, new JobTask(job, tx.source, () -> {
            tx.checkOpen();
            ExecuteResult result = Jdbc.execute(job, tx.source, tx.connection, execute.sql(), execute.params(),
                    execute.keys(), execute.options());
            tx.updated(execute.sql());
            job.complete(result);
        }));
    }

    public void txPrepare(YieldContext context, TxPrepare prepare, long tag, ResultReceiver receiver) {
        Tx tx = handles.get(Resource.Kind.TX, Tx.class, prepare.tx().id(), pid(context));
        Job job = job(context, tag, receiver);
        start(context, tx.lane, tx.source, new JobTask(job, tx.source, () -> {
            tx.checkOpen();
            PreparedStatement prepared = Jdbc.prepare(tx.connection, prepare.sql(), prepare.keys());
            TxStatement statement;
            try {
                int count = Jdbc.parameterCount(prepared);
                statement = new TxStatement(handles.nextId(), tx, prepared, prepare.sql(), prepare.keys(), count);
            } catch (SQLException | RuntimeException e) {
                Jdbc.closeQuietly(prepared);
                throw e;
            }
            tx.adopt(statement);
            deliver(job, statement, statement.handle());
        }));
    }

    public void txCommit(YieldContext context, TxCommit commit, long tag, ResultReceiver receiver) {
        end(context, commit.tx().id(), true, tag, receiver);
    }

    public void txRollback(YieldContext context, TxRollback rollback, long tag, ResultReceiver receiver) {
        end(context, rollback.tx().id(), false, tag, receiver);
    }

    private void end(YieldContext context, long txId, boolean commit, long tag, ResultReceiver receiver) {
        Tx tx = handles.get(Resource.Kind.TX, Tx.class, txId, pid(context));
        Job job = job(context, tag, receiver);
        start(context, tx.lane, tx.source, new Task() {
            @Override
            public void run() {
                if (job.isCancelled()) {
                    tx.closeNow(); // the process gave up on the outcome: roll back, give the connection back
                    return;
                }
                try {
                    tx.end(commit);
                } catch (SQLException e) {
                    job.fail(SqlFailure.of(e));
                    return;
                } catch (RuntimeException e) {
                    job.fail(e);
                    return;
                }
                job.complete(null);
            }

            @Override
            public void abort() {
                tx.closeNow();
                job.fail(tx.source.gone());
            }
        });
    }

    // ---- cursors

    public void fetch(YieldContext context, Fetch fetch, long tag, ResultReceiver receiver) {
        Cursor cursor = handles.get(Resource.Kind.CURSOR, Cursor.class, fetch.cursor().id(), pid(context));
        Job job = job(context, tag, receiver);
        start(context, cursor.lane, cursor.source, new JobTask(job, cursor.source, () -> {
            cursor.checkOpen();
            cursor.handTo(job);
            Rows page;
            try {
                page = cursor.page(job);
            } catch (SQLException | RuntimeException e) {
                cursor.closeNow();
                throw e;
            }
            if (!job.complete(page) && page.hasMore()) {
                cursor.closeNow(); // the process never saw this page: the cursor's position means nothing to it
            }
        }));
    }

    public void cursorClose(YieldContext context, CursorClose close, long tag, ResultReceiver receiver) {
        Cursor cursor = handles.get(Resource.Kind.CURSOR, Cursor.class, close.cursor().id(), pid(context));
        Job job = job(context, tag, receiver);
        start(context, cursor.lane, cursor.source, new JobTask(job, cursor.source, () -> {
            cursor.checkOpen();
            cursor.closeNow();
            job.complete(null);
        }));
    }

    // ---- shared

    private void runQuery(Job job, Source source, String sql, List<Object> params, Options options) throws SQLException {
        if (options.pageSize() > 0) {
            openCursor(job, source, sql, params, options);
            return;
        }
        Rows rows;
        Connection connection = source.borrow();
        try {
            rows = Jdbc.queryOnBorrowed(job, source, connection, sql, params, options);
        } finally {
            source.giveBack(connection);
        }
        job.complete(rows);
    }

    private void runExecute(Job job, Source source, String sql, List<Object> params, Keys keys, Options options)
            throws SQLException {
        ExecuteResult result;
        Connection connection = source.borrow();
        try {
            result = Jdbc.executeOnBorrowed(job, source, connection, sql, params, keys, options);
        } finally {
            source.giveBack(connection);
        }
        source.shapes.updated(sql);
        job.complete(result);
    }

    private void openCursor(Job job, Source source, String sql, List<Object> params, Options options)
            throws SQLException {
        int pageSize = Math.min(options.pageSize(), Jdbc.cap(options, source));
        Connection connection = source.borrow();
        Cursor cursor;
        try {
            connection.setAutoCommit(false);
            PreparedStatement statement = Jdbc.prepareCursor(connection, sql);
            cursor = Cursor.owning(handles.nextId(), job.pid(), source, connection, statement, pageSize);
        } catch (SQLException | RuntimeException e) {
            Jdbc.rollbackQuietly(connection);
            source.giveBack(connection);
            throw e;
        }
        firstPage(job, source, cursor, params, options);
    }

    private void openTxCursor(Job job, Tx tx, String sql, List<Object> params, Options options) throws SQLException {
        int pageSize = Math.min(options.pageSize(), Jdbc.cap(options, tx.source));
        Cursor cursor = Cursor.inTx(handles.nextId(), tx, Jdbc.prepareCursor(tx.connection, sql), pageSize);
        tx.adopt(cursor);
        firstPage(job, tx.source, cursor, params, options);
    }

    private void firstPage(Job job, Source source, Cursor cursor, List<Object> params, Options options)
            throws SQLException {
        Rows page;
        try {
            Jdbc.configure(job, source, cursor.statement(), options);
            Values.bind(cursor.statement(), params, false); // a cursor's statement is new
            cursor.open(job);
            page = cursor.page(job);
        } catch (SQLException | RuntimeException e) {
            cursor.closeNow();
            throw e;
        }
        if (page.hasMore()) {
            deliver(job, cursor, page);
        } else {
            job.complete(page);
        }
    }

    /** Registers a new handle's resource for the job's process and completes; undoes it when the process cannot take it. */
    private void deliver(Job job, Resource resource, Object result) {
        if (!handles.add(resource, job.process())) {
            resource.closeNow();
            job.fail(new SqlFailure(SqlFailure.SQL_ERROR, SqlFailure.GENERAL_STATE, "process " + job.pid() + " ended"));
            return;
        }
        if (!job.complete(result)) {
            resource.close("its yield was not delivered");
        }
    }

    Source source(String name) {
        Source source = sources.get(name);
        if (source == null) {
            throw new SqlFailure(SqlFailure.UNKNOWN_DATASOURCE, "3D000",
                    "no datasource named '" + name + "'; configured: " + new java.util.TreeSet<>(sources.keySet()));
        }
        return source;
    }

    private Job job(YieldContext context, long tag, ResultReceiver receiver) {
        return new Job(context, tag, receiver, canceller);
    }

    private static long pid(YieldContext context) {
        return context.process().pid();
    }

    /**
     * Stops: every datasource's handles are closed (transactions rolled back), queued work
     * fails with {@code shutdown}, and after a bounded wait what still holds a connection is
     * closed directly.
     */
    @Override
    public void close() {
        Map<String, Source> last;
        synchronized (lock) {
            closed = true;
            last = sources;
            sources = Map.of();
        }
        for (Source source : last.values()) {
            source.close(CLOSE_WAIT_MILLIS);
        }
        handles.clear();
        canceller.shutdown();
    }
}
