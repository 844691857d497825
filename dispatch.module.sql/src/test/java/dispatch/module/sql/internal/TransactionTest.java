package dispatch.module.sql.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dispatch.module.sql.Begin;
import dispatch.module.sql.Execute;
import dispatch.module.sql.Fetch;
import dispatch.module.sql.Isolation;
import dispatch.module.sql.Options;
import dispatch.module.sql.Query;
import dispatch.module.sql.Rows;
import dispatch.module.sql.SqlFailure;
import dispatch.module.sql.StatementHandle;
import dispatch.module.sql.StmtExecute;
import dispatch.module.sql.StmtQuery;
import dispatch.module.sql.TxCommit;
import dispatch.module.sql.TxExecute;
import dispatch.module.sql.TxHandle;
import dispatch.module.sql.TxPrepare;
import dispatch.module.sql.TxQuery;
import dispatch.module.sql.TxRollback;
import dispatch.testing.ProcessProbe;
import dispatch.testing.YieldProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** Transactions: visibility, isolation, statements and cursors in them, cleanup when a process ends, contention. */
@RunWith(Parameterized.class)
public class TransactionTest {

    /** Both ways a handler runs: on a JDBC thread, and on the waiting caller's thread. */
    @Parameters(name = "callerWaits={0}")
    public static Object[] callerWaits() {
        return new Object[] {false, true};
    }

    @Parameter
    public boolean callerWaits;

    private Harness sql;

    private void start(int poolSize, boolean virtualThreads) throws Exception {
        sql = new Harness("tx", poolSize, virtualThreads);
        sql.callerWaits = callerWaits;
        ProcessProbe setup = sql.process();
        sql.call(setup, Execute.on("h2", "CREATE TABLE accounts (id INT PRIMARY KEY, balance INT NOT NULL)"));
        sql.call(setup, Execute.on("h2", "INSERT INTO accounts SELECT X, 1000 FROM SYSTEM_RANGE(1, 10)"));
    }

    @After
    public void tearDown() {
        if (sql != null) {
            sql.close();
        }
    }

    private int balance(ProcessProbe process, int id) {
        return (Integer) sql.call(process, Query.on("h2", "SELECT balance FROM accounts WHERE id = ?", id)).get(0, 0);
    }

    @Test
    public void commitAndRollbackAreVisibleFromASecondProcess() throws Exception {
        start(4, true);
        ProcessProbe writer = sql.process();
        ProcessProbe reader = sql.process();

        TxHandle tx = sql.call(writer, new Begin("h2", Isolation.READ_COMMITTED, false));
        sql.call(writer, TxExecute.of(tx, "UPDATE accounts SET balance = ? WHERE id = ?", 1, 1));
        assertEquals("the writer sees its own change", 1, sql.call(writer,
                TxQuery.of(tx, "SELECT balance FROM accounts WHERE id = ?", 1)).get(0, 0));
        assertEquals("uncommitted work is invisible to others", 1000, balance(reader, 1));
        sql.call(writer, new TxCommit(tx));
        assertEquals(1, balance(reader, 1));

        TxHandle undone = sql.call(writer, Begin.on("h2"));
        sql.call(writer, TxExecute.of(undone, "UPDATE accounts SET balance = ? WHERE id = ?", 2, 2));
        sql.call(writer, new TxRollback(undone));
        assertEquals(1000, balance(reader, 2));
        sql.assertNoConnectionInUse();
    }

    @Test
    public void theIsolationLevelIsSet() throws Exception {
        start(4, true);
        ProcessProbe process = sql.process();
        for (Isolation isolation : List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ, Isolation.SERIALIZABLE)) {
            TxHandle tx = sql.call(process, new Begin("h2", isolation, isolation == Isolation.SERIALIZABLE));
            Rows level = sql.call(process, TxQuery.of(tx,
                    "SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()"));
            assertEquals(isolation.name().replace('_', ' '), level.get(0, 0));
            sql.call(process, new TxCommit(tx));
        }
        sql.assertNoConnectionInUse();
    }

    @Test
    public void statementsAndCursorsOfATransactionCloseWithIt() throws Exception {
        start(4, true);
        ProcessProbe process = sql.process();
        TxHandle tx = sql.call(process, Begin.on("h2"));
        StatementHandle debit = sql.call(process, TxPrepare.of(tx, "UPDATE accounts SET balance = balance - ? WHERE id = ?"));
        assertTrue(debit.inTransaction());
        for (int id = 1; id <= 10; id++) {
            assertEquals(1, sql.call(process, StmtExecute.of(debit, 10, id)).rowsAffected());
        }
        StatementHandle select = sql.call(process, TxPrepare.of(tx, "SELECT SUM(balance) FROM accounts WHERE id <= ?"));
        assertEquals(9_900L, ((Number) sql.call(process, StmtQuery.of(select, 10)).get(0, 0)).longValue());
        Rows page = sql.call(process, TxQuery.of(tx, "SELECT id FROM accounts ORDER BY id").with(Options.paged(3)));
        assertTrue(page.hasMore());
        assertEquals("a transaction's cursor uses its connection", 1, sql.pool.inUse());
        page = sql.call(process, new Fetch(page.cursor()));
        assertEquals(4, page.get(0, 0));
        sql.call(process, new TxCommit(tx));
        assertEquals(SqlFailure.UNKNOWN_HANDLE, sql.failure(process, StmtExecute.of(debit, 1, 1), SqlFailure.class).code());
        assertEquals(SqlFailure.UNKNOWN_HANDLE, sql.failure(process, new Fetch(page.cursor()), SqlFailure.class).code());
        assertEquals(990, balance(process, 3));
        sql.assertNoConnectionInUse();
    }

    @Test
    public void aProcessThatEndsMidTransactionIsRolledBack() throws Exception {
        start(4, true);
        ProcessProbe doomed = sql.process();
        TxHandle tx = sql.call(doomed, Begin.on("h2"));
        sql.call(doomed, TxExecute.of(tx, "UPDATE accounts SET balance = 0 WHERE id = ?", 5));
        Rows cursor = sql.call(doomed, Query.on("h2", "SELECT id FROM accounts").with(Options.paged(2)));
        sql.call(doomed, dispatch.module.sql.Prepare.on("h2", "SELECT 1"));
        assertEquals(2, sql.pool.inUse());
        assertTrue(cursor.hasMore());

        doomed.exit();
        sql.assertNoConnectionInUse();
        ProcessProbe survivor = sql.process();
        assertEquals("rolled back", 1000, balance(survivor, 5));
        assertTrue("no handle left: " + sql.dispatcher.engine().handles(), sql.dispatcher.engine().handles().isEmpty());
    }

    @Test
    public void aProcessThatEndsWhileItsStatementRunsGetsItCancelledAndRolledBack() throws Exception {
        start(4, true);
        ProcessProbe doomed = sql.process();
        TxHandle tx = sql.call(doomed, Begin.on("h2"));
        sql.call(doomed, TxExecute.of(tx, "UPDATE accounts SET balance = 0 WHERE id = ?", 6));
        YieldProbe running = sql.start(doomed, TxQuery.of(tx,
                "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000000) a, SYSTEM_RANGE(1, 100000000) b"));
        doomed.exit();
        assertEquals(dispatch.api.DispatchException.CANCELLED,
                ((dispatch.api.DispatchException) running.error()).code());
        sql.assertNoConnectionInUse();
        assertEquals(1000, balance(sql.process(), 6));
    }

    @Test
    public void twoHundredProcessesTransferConcurrentlyAndTheTotalStays() throws Exception {
        transfers(false);
    }

    @Test
    public void twoHundredProcessesTransferOnVirtualThreadsWhereTheJvmHasThem() throws Exception {
        transfers(true);
    }

    private void transfers(boolean virtualThreads) throws Exception {
        start(8, virtualThreads);
        int processes = 200;
        int transfersEach = 5;
        ExecutorService threads = Executors.newFixedThreadPool(processes);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> done = new ArrayList<>();
        try {
            for (int p = 0; p < processes; p++) {
                ProcessProbe process = sql.process();
                done.add(threads.submit(() -> {
                    go.await();
                    int retries = 0;
                    for (int t = 0; t < transfersEach; t++) {
                        retries += transfer(process);
                    }
                    return retries;
                }));
            }
            go.countDown();
            int retries = 0;
            for (Future<Integer> future : done) {
                retries += future.get(120, TimeUnit.SECONDS);
            }
            ProcessProbe auditor = sql.process();
            Rows total = sql.call(auditor, Query.on("h2", "SELECT SUM(balance), COUNT(*) FROM accounts"));
            assertEquals(10_000L, ((Number) total.get(0, 0)).longValue());
            Rows moved = sql.call(auditor, Query.on("h2", "SELECT COUNT(*) FROM accounts WHERE balance <> 1000"));
            assertTrue("transfers happened", ((Number) moved.get(0, 0)).longValue() > 0);
            System.out.printf("%d processes x %d transfers, %d retries, %s threads%n", processes, transfersEach, retries,
                    sql.dispatcher.engine().virtualThreads() ? "virtual" : "platform");
            sql.assertNoConnectionInUse();
        } finally {
            threads.shutdownNow();
        }
    }

    /** One transfer between two random accounts, updating them in ID order; retried when it loses a race. */
    private int transfer(ProcessProbe process) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int from = random.nextInt(1, 11);
        int to = from % 10 + 1;
        int amount = random.nextInt(1, 50);
        for (int attempt = 0; ; attempt++) {
            TxHandle tx = sql.call(process, Begin.on("h2"));
            try {
                int first = Math.min(from, to);
                int second = Math.max(from, to);
                sql.call(process, TxExecute.of(tx, "UPDATE accounts SET balance = balance + ? WHERE id = ?",
                        first == from ? -amount : amount, first));
                sql.call(process, TxExecute.of(tx, "UPDATE accounts SET balance = balance + ? WHERE id = ?",
                        second == from ? -amount : amount, second));
                sql.call(process, new TxCommit(tx));
                return attempt;
            } catch (SqlFailure failure) {
                if (failure.code().equals(SqlFailure.UNKNOWN_HANDLE)) {
                    throw failure;
                }
                // a failed commit closes the transaction itself; otherwise roll back before trying again
                YieldProbe rollback = sql.start(process, new TxRollback(tx));
                rollback.awaitDone();
                if (attempt > 20) {
                    throw failure;
                }
            }
        }
    }
}
