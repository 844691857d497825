package dispatch.itest.sql;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessContext;
import dispatch.itest.support.Services;
import dispatch.module.sql.Begin;
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
import dispatch.module.sql.StatementHandle;
import dispatch.module.sql.StmtClose;
import dispatch.module.sql.StmtExecute;
import dispatch.module.sql.StmtQuery;
import dispatch.module.sql.TxCommit;
import dispatch.module.sql.TxExecute;
import dispatch.module.sql.TxHandle;
import dispatch.module.sql.TxQuery;
import dispatch.module.sql.TxRollback;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.Test;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.service.cm.Configuration;

/**
 * The sql module through real processes in a real Felix: every command, the value mapping, bad
 * input, transactions, process ends and 200 concurrent transfers. Run against H2 and PostgreSQL.
 */
public abstract class SqlSuite extends SqlTestSupport {

    private String ds() {
        return datasource();
    }

    /** Creates a fresh table {@code name} with {@code columns}. */
    private void table(String name, String columns) throws Exception {
        inProcess(p -> {
            p.call(Execute.on(ds(), "DROP TABLE IF EXISTS " + name));
            p.call(Execute.on(ds(), "CREATE TABLE " + name + " (" + columns + ")"));
            return null;
        });
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    /** The failure of {@code command} yielded by {@code p}, which must be a {@link SqlFailure} with {@code code}. */
    private static SqlFailure failure(ProcessContext p, Command<?> command, String code) {
        try {
            Object value = p.call(command);
            throw new AssertionError("expected " + code + " from " + command + ", got " + value);
        } catch (SqlFailure failure) {
            assertEquals(failure.toString(), code, failure.code());
            assertTrue(failure + " has an SQLState", failure.sqlState().length() == 5);
            return failure;
        }
    }

    @Test
    public void valuesMapToJavaTypesAndParametersAreBound() throws Exception {
        table("typed", "id INT PRIMARY KEY, big BIGINT, amount NUMERIC(10,2), txt VARCHAR(100), bin "
                + dialect().binaryType + ", dt DATE, tm TIME, ts TIMESTAMP, tstz TIMESTAMP WITH TIME ZONE, "
                + "flag BOOLEAN, dbl DOUBLE PRECISION, u UUID, small SMALLINT");
        UUID uuid = UUID.randomUUID();
        OffsetDateTime zoned = OffsetDateTime.of(2024, 2, 29, 13, 14, 15, 0, ZoneOffset.ofHours(2));
        Rows rows = inProcess(p -> {
            p.call(Execute.on(ds(), "INSERT INTO typed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    1, 9_000_000_000L, new BigDecimal("12.34"), "x'); DROP TABLE typed; --", new byte[] {1, 2, 3},
                    LocalDate.of(2024, 2, 29), LocalTime.of(13, 14, 15), LocalDateTime.of(2024, 2, 29, 13, 14, 15),
                    zoned, true, 2.5, uuid, (short) 7));
            p.call(Execute.on(ds(), "INSERT INTO typed (id) VALUES (?)", 2));
            return p.call(Query.on(ds(), "SELECT * FROM typed ORDER BY id"));
        });
        assertEquals(2, rows.size());
        assertEquals(1, rows.get(0, "id"));
        assertEquals(9_000_000_000L, rows.get(0, "big"));
        assertEquals(new BigDecimal("12.34"), rows.get(0, "amount"));
        assertEquals("x'); DROP TABLE typed; --", rows.get(0, "txt"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) rows.get(0, "bin"));
        assertEquals(LocalDate.of(2024, 2, 29), rows.get(0, "dt"));
        assertEquals(LocalTime.of(13, 14, 15), rows.get(0, "tm"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15), rows.get(0, "ts"));
        assertEquals(zoned.toInstant(), ((OffsetDateTime) rows.get(0, "tstz")).toInstant());
        assertEquals(Boolean.TRUE, rows.get(0, "flag"));
        assertEquals(2.5, rows.get(0, "dbl"));
        assertEquals(uuid, rows.get(0, "u"));
        assertEquals(7, rows.get(0, "small"));
        for (int column = 1; column < rows.columns().size(); column++) {
            assertNull("SQL NULL in " + rows.columns().get(column), rows.get(1, column));
        }
        assertNoConnectionInUse();
    }

    @Test
    public void executeReturnsRowsAffectedAndGeneratedKeys() throws Exception {
        table("items", "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name VARCHAR(20)");
        List<ExecuteResult> results = inProcess(p -> List.of(
                p.call(Execute.on(ds(), "INSERT INTO items (name) VALUES (?)", "a").returning(Keys.columns("id"))),
                p.call(Execute.on(ds(), "INSERT INTO items (name) VALUES (?), (?)", "b", "c").returning(Keys.columns("id"))),
                p.call(Execute.on(ds(), "UPDATE items SET name = ? WHERE id >= ?", "z", 2))));
        assertEquals(1, number(results.get(0).keys().get(0, 0)));
        assertEquals(2, results.get(1).rowsAffected());
        assertEquals(3, number(results.get(1).keys().get(1, 0)));
        assertEquals(2, results.get(2).rowsAffected());
        assertTrue(results.get(2).keys().isEmpty());
        assertNoConnectionInUse();
    }

    @Test
    public void preparedStatementsAndPagedResults() throws Exception {
        table("numbers", "n INT PRIMARY KEY");
        List<Integer> seen = inProcess(p -> {
            StatementHandle insert = p.call(Prepare.on(ds(), "INSERT INTO numbers VALUES (?)"));
            for (int n = 1; n <= 250; n++) {
                p.call(StmtExecute.of(insert, n));
            }
            p.call(new StmtClose(insert));
            StatementHandle select = p.call(Prepare.on(ds(), "SELECT n FROM numbers WHERE n > ? ORDER BY n"));
            List<Integer> all = new ArrayList<>();
            Rows page = p.call(StmtQuery.of(select, 0).with(Options.paged(100)));
            int pages = 1;
            while (true) {
                page.rows().forEach(row -> all.add((Integer) row.get(0)));
                if (!page.hasMore()) {
                    break;
                }
                page = p.call(new Fetch(page.cursor()));
                pages++;
            }
            assertEquals(3, pages);
            SqlFailure tooMany = failure(p, StmtQuery.of(select, 0).with(Options.DEFAULT.withMaxRows(100)),
                    SqlFailure.TOO_MANY_ROWS);
            assertEquals("54000", tooMany.sqlState());
            p.call(new StmtClose(select));
            return all;
        });
        assertEquals(250, seen.size());
        for (int i = 0; i < seen.size(); i++) {
            assertEquals(i + 1, (int) seen.get(i));
        }
        assertNoConnectionInUse();
    }

    @Test
    public void badInputGetsAnErrorResultAndTheProcessLivesOn() throws Exception {
        table("accounts_bad", "id INT PRIMARY KEY, balance INT NOT NULL CHECK (balance >= 0)");
        inProcess(p -> {
            p.call(Execute.on(ds(), "INSERT INTO accounts_bad VALUES (1, 100)"));
            assertTrue(failure(p, Query.on(ds(), "SELEC * FROM accounts_bad"), SqlFailure.SQL_ERROR).isSyntaxError());
            assertEquals("23505", failure(p, Execute.on(ds(), "INSERT INTO accounts_bad VALUES (?, ?)", 1, 5),
                    SqlFailure.SQL_ERROR).sqlState());
            assertTrue(failure(p, Execute.on(ds(), "UPDATE accounts_bad SET balance = ?", -1), SqlFailure.SQL_ERROR)
                    .isConstraintViolation());
            failure(p, Query.on(ds(), "SELECT * FROM accounts_bad WHERE id = ? AND balance = ?", 1), SqlFailure.SQL_ERROR);
            failure(p, Query.on(ds(), "SELECT * FROM accounts_bad WHERE id = ?", 1, 2), SqlFailure.SQL_ERROR);
            StatementHandle prepared = p.call(Prepare.on(ds(), "SELECT * FROM accounts_bad WHERE id = ?"));
            assertEquals("07001", failure(p, StmtQuery.of(prepared), DispatchException.INVALID_ARGUMENT).sqlState());
            assertEquals("3D000", failure(p, Query.on("no-such-datasource", "SELECT 1"), SqlFailure.UNKNOWN_DATASOURCE)
                    .sqlState());
            TxHandle tx = p.call(Begin.on(ds()));
            p.call(new TxRollback(tx));
            SqlFailure commitAfterRollback = failure(p, new TxCommit(tx), SqlFailure.UNKNOWN_HANDLE);
            assertEquals("25000", commitAfterRollback.sqlState());
            assertThat(commitAfterRollback.getMessage(), containsString("is closed"));
            failure(p, new StmtClose(new StatementHandle(987_654_321, ds(), 0)), SqlFailure.UNKNOWN_HANDLE);
            SqlFailure timeout = failure(p, Query.on(ds(), dialect().endlessQuery)
                    .with(Options.DEFAULT.withTimeout(Duration.ofSeconds(1))), DispatchException.TIMEOUT);
            assertEquals("57014", timeout.sqlState());
            // and after all that, the same process still works
            assertEquals(100, p.call(Query.on(ds(), "SELECT balance FROM accounts_bad WHERE id = ?", 1)).get(0, 0));
            return null;
        });
        assertNoConnectionInUse();
    }

    @Test
    public void theYieldDeadlineCancelsTheRunningStatement() throws Exception {
        inProcess(p -> {
            try {
                p.call(Query.on(ds(), dialect().endlessQuery), Duration.ofMillis(500));
                fail("the query cannot finish within its deadline");
            } catch (DispatchException e) {
                assertEquals(DispatchException.TIMEOUT, e.code());
            }
            return null;
        });
        assertNoConnectionInUse();
    }

    @Test
    public void commitAndRollbackAreVisibleFromASecondProcess() throws Exception {
        table("visible", "id INT PRIMARY KEY, v INT");
        inProcess(p -> p.call(Execute.on(ds(), "INSERT INTO visible VALUES (1, 0), (2, 0)")));
        CompletableFuture<TxHandle> begun = new CompletableFuture<>();
        CompletableFuture<Void> seenUncommitted = new CompletableFuture<>();
        long writer = runtime.spawn((BlockingProcess) p -> {
            TxHandle tx = p.call(new Begin(ds(), Isolation.READ_COMMITTED, false));
            p.call(TxExecute.of(tx, "UPDATE visible SET v = ? WHERE id = ?", 10, 1));
            begun.complete(tx);
            p.receive(); // the reader has looked
            p.call(new TxCommit(tx));
            TxHandle undone = p.call(Begin.on(ds()));
            p.call(TxExecute.of(undone, "UPDATE visible SET v = ? WHERE id = ?", 20, 2));
            p.call(new TxRollback(undone));
        });
        TxHandle writersTx = begun.get(WAIT_SECONDS, TimeUnit.SECONDS);
        inProcess(p -> {
            assertEquals("uncommitted work is invisible", 0, p.call(Query.on(ds(), "SELECT v FROM visible WHERE id = 1")).get(0, 0));
            SqlFailure notOwner = failure(p, TxQuery.of(writersTx, "SELECT 1"), DispatchException.NOT_OWNER);
            assertEquals("42501", notOwner.sqlState());
            return null;
        });
        runtime.send(writer, "go on");
        assertTrue(awaitExit(writer) == null || awaitExit(writer).isNormal());
        Rows after = inProcess(p -> p.call(Query.on(ds(), "SELECT v FROM visible ORDER BY id")));
        assertEquals("committed", 10, after.get(0, 0));
        assertEquals("rolled back", 0, after.get(1, 0));
        assertNoConnectionInUse();
    }

    @Test
    public void theIsolationLevelAndReadOnlyAreSet() throws Exception {
        table("ro", "id INT PRIMARY KEY");
        inProcess(p -> {
            for (Isolation isolation : List.of(Isolation.READ_COMMITTED, Isolation.REPEATABLE_READ, Isolation.SERIALIZABLE)) {
                TxHandle tx = p.call(new Begin(ds(), isolation, false));
                assertEquals(dialect().isolationName(isolation.name()), p.call(TxQuery.of(tx, dialect().isolationQuery)).get(0, 0));
                p.call(new TxCommit(tx));
            }
            TxHandle readOnly = p.call(new Begin(ds(), Isolation.DEFAULT, true));
            if (dialect().enforcesReadOnly) {
                assertEquals("25006", failure(p, TxExecute.of(readOnly, "INSERT INTO ro VALUES (1)"), SqlFailure.SQL_ERROR)
                        .sqlState());
            }
            p.call(new TxRollback(readOnly));
            return null;
        });
        assertNoConnectionInUse();
    }

    @Test
    public void aProcessThatDiesMidTransactionIsRolledBack() throws Exception {
        table("doomed", "id INT PRIMARY KEY, v INT");
        inProcess(p -> p.call(Execute.on(ds(), "INSERT INTO doomed VALUES (1, 1), (2, 2)")));
        CompletableFuture<Void> inTransaction = new CompletableFuture<>();
        long terminated = runtime.spawn((BlockingProcess) p -> {
            TxHandle tx = p.call(Begin.on(ds()));
            p.call(TxExecute.of(tx, "UPDATE doomed SET v = 100 WHERE id = 1"));
            p.call(Query.on(ds(), "SELECT id FROM doomed").with(Options.paged(1))); // and an open cursor
            inTransaction.complete(null);
            p.receive(); // never comes: terminated here
        });
        inTransaction.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(runtime.terminate(terminated, "test"));
        ExitReason reason = awaitExit(terminated);
        assertTrue(reason == null || reason.kind() == ExitReason.Kind.TERMINATED);

        long failed = runtime.spawn((BlockingProcess) p -> {
            TxHandle tx = p.call(Begin.on(ds()));
            p.call(TxExecute.of(tx, "UPDATE doomed SET v = 200 WHERE id = 2"));
            throw new IllegalStateException("the process fails mid-transaction");
        });
        awaitExit(failed);
        assertNoConnectionInUse();
        Rows rows = inProcess(p -> p.call(Query.on(ds(), "SELECT v FROM doomed ORDER BY id")));
        assertEquals(1, rows.get(0, 0));
        assertEquals(2, rows.get(1, 0));
        assertThat(shell("sql:handles"), not(containsString("@" + ds())));
    }

    @Test
    public void twoHundredConcurrentProcessesTransferAndTheTotalBalanceStays() throws Exception {
        int accounts = 20;
        int processes = 200;
        int transfersEach = 5;
        table("accounts", "id INT PRIMARY KEY, balance BIGINT NOT NULL");
        inProcess(p -> {
            StatementHandle insert = p.call(Prepare.on(ds(), "INSERT INTO accounts VALUES (?, ?)"));
            for (int id = 1; id <= accounts; id++) {
                p.call(StmtExecute.of(insert, id, 1_000));
            }
            return p.call(new StmtClose(insert));
        });
        List<Long> pids = new ArrayList<>();
        List<CompletableFuture<Integer>> retries = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < processes; i++) {
            CompletableFuture<Integer> outcome = new CompletableFuture<>();
            retries.add(outcome);
            pids.add(runtime.spawn((BlockingProcess) p -> {
                int retried = 0;
                try {
                    for (int t = 0; t < transfersEach; t++) {
                        retried += transfer(p, accounts);
                    }
                    outcome.complete(retried);
                } catch (RuntimeException e) {
                    outcome.completeExceptionally(e);
                    throw e;
                }
            }));
        }
        int totalRetries = 0;
        for (CompletableFuture<Integer> outcome : retries) {
            totalRetries += outcome.get(120, TimeUnit.SECONDS);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        for (long pid : pids) {
            awaitExit(pid);
        }
        Rows total = inProcess(p -> p.call(Query.on(ds(), "SELECT SUM(balance), COUNT(*) FROM accounts")));
        assertEquals(1_000L * accounts, number(total.get(0, 0)));
        Rows moved = inProcess(p -> p.call(Query.on(ds(), "SELECT COUNT(*) FROM accounts WHERE balance <> 1000")));
        assertTrue("money moved", number(moved.get(0, 0)) > 0);
        System.out.printf("%s: %d processes x %d transfers in %d ms, %d retries%n", getClass().getSimpleName(),
                processes, transfersEach, millis, totalRetries);
        assertNoConnectionInUse();
    }

    /** Moves a random amount between two accounts, locking them in ID order; tries again when it loses a race. */
    private int transfer(ProcessContext p, int accounts) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int from = random.nextInt(1, accounts + 1);
        int to = from % accounts + 1;
        int amount = random.nextInt(1, 100);
        for (int attempt = 0; ; attempt++) {
            TxHandle tx = p.call(Begin.on(ds()));
            try {
                int first = Math.min(from, to);
                int second = Math.max(from, to);
                p.call(TxExecute.of(tx, "UPDATE accounts SET balance = balance + ? WHERE id = ?",
                        first == from ? -amount : amount, first));
                p.call(TxExecute.of(tx, "UPDATE accounts SET balance = balance + ? WHERE id = ?",
                        second == from ? -amount : amount, second));
                p.call(new TxCommit(tx));
                return attempt;
            } catch (SqlFailure failure) {
                if (attempt >= 20 || failure.code().equals(SqlFailure.UNKNOWN_HANDLE)) {
                    throw failure;
                }
                try {
                    p.call(new TxRollback(tx));
                } catch (SqlFailure alreadyClosed) {
                    // a failed commit closed the transaction itself
                }
            }
        }
    }

    /**
     * {@code verify.result.shape=false} set through ConfigAdmin like any datasource property: the
     * shell says so, and DDL run through the module still shows in the next result's columns.
     */
    @Test
    public void aDatasourceThatTrustsItsCachedShapesStillSeesDdlRunThroughTheModule() throws Exception {
        String trusting = ds() + "-unverified";
        Dictionary<String, Object> properties = datasourceProperties();
        properties.put("verify.result.shape", false);
        Configuration configuration = configureDatasource(trusting, properties);
        try {
            Services.await(context, DataSource.class, "(name=" + trusting + ")");
            assertThat(shell("sql:datasources"), containsString("result shapes not verified (verify.result.shape=false): "
                    + trusting));
            List<Integer> widths = inProcess(p -> {
                p.call(Execute.on(trusting, "DROP TABLE IF EXISTS evolving"));
                p.call(Execute.on(trusting, "CREATE TABLE evolving (id INT PRIMARY KEY, label VARCHAR(20))"));
                p.call(Execute.on(trusting, "INSERT INTO evolving VALUES (1, 'one')"));
                int before = p.call(Query.on(trusting, "SELECT * FROM evolving")).columns().size();
                p.call(Execute.on(trusting, "ALTER TABLE evolving ADD COLUMN amount INT DEFAULT 7"));
                Rows after = p.call(Query.on(trusting, "SELECT * FROM evolving"));
                assertEquals(7, number(after.get(0, "amount")));
                p.call(Execute.on(trusting, "DROP TABLE evolving"));
                return List.of(before, after.columns().size());
            });
            assertEquals(List.of(2, 3), widths);
        } finally {
            configuration.delete();
        }
    }

    /**
     * The module publishes a datasource's {@code DataSource} service only once its commands can
     * use it: a listener called as the service is registered (on the registering thread, before
     * anyone else can act on it) already finds it among the module's datasources.
     */
    @Test
    public void aDataSourceServiceAppearsOnlyOnceTheModuleServesIt() throws Exception {
        String late = ds() + "-late";
        CompletableFuture<String> atRegistration = new CompletableFuture<>();
        ServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                try {
                    atRegistration.complete(shell("sql:datasources"));
                } catch (Exception e) {
                    atRegistration.completeExceptionally(e);
                }
            }
        };
        context.addServiceListener(listener, "(&(objectClass=" + DataSource.class.getName() + ")(name=" + late + "))");
        Configuration configuration = configureDatasource(late, datasourceProperties());
        try {
            assertThat(atRegistration.get(Services.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), containsString(late + " "));
        } finally {
            context.removeServiceListener(listener);
            configuration.delete();
        }
    }

    @Test
    public void theShellListsDatasourcesWithoutPasswords() throws Exception {
        String report = shell("sql:datasources");
        assertThat(report, containsString(ds()));
        assertThat(report, containsString("default"));
        assertFalse("no password in " + report, report.contains(SqlH2IT.PASSWORD) || report.contains(SqlPostgresIT.password()));
        assertFalse("the password is no service property",
                context.getServiceReferences(javax.sql.DataSource.class, "(.password=*)").iterator().hasNext());
    }
}
