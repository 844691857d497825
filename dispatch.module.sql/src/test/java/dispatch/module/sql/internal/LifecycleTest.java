package dispatch.module.sql.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dispatch.api.DispatchException;
import dispatch.module.sql.Begin;
import dispatch.module.sql.Execute;
import dispatch.module.sql.Query;
import dispatch.module.sql.TxExecute;
import dispatch.module.sql.TxHandle;
import dispatch.module.sql.internal.engine.SourceAccess;
import dispatch.module.sql.internal.pool.DataSourceSettings;
import dispatch.testing.ProcessProbe;
import dispatch.testing.YieldProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Cancellation, deadlines, a datasource leaving and the module stopping. */
public class LifecycleTest {

    private static final String FOREVER =
            "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000000) a, SYSTEM_RANGE(1, 100000000) b";

    private Harness sql;
    private ProcessProbe process;

    @Before
    public void setUp() throws Exception {
        sql = new Harness("life", 2, true);
        process = sql.process();
        sql.call(process, Execute.on("h2", "CREATE TABLE t (id INT PRIMARY KEY, v INT)"));
        sql.call(process, Execute.on("h2", "INSERT INTO t VALUES (1, 1)"));
    }

    @After
    public void tearDown() {
        sql.close();
    }

    @Test
    public void cancellingAYieldCancelsItsStatementAndGivesTheConnectionBack() throws Exception {
        YieldProbe running = sql.start(process, Query.on("h2", FOREVER));
        running.cancel();
        assertEquals(DispatchException.CANCELLED, ((DispatchException) running.error()).code());
        sql.assertNoConnectionInUse();
        assertEquals(1, sql.call(process, Query.on("h2", "SELECT v FROM t")).get(0, 0));
    }

    @Test
    public void theYieldDeadlineCancelsTheStatement() throws Exception {
        YieldProbe running = sql.start(process, Query.on("h2", FOREVER), Duration.ofMillis(300));
        assertEquals(DispatchException.TIMEOUT, ((DispatchException) running.error()).code());
        sql.assertNoConnectionInUse();
    }

    @Test
    public void theModuleStoppingRollsBackAndFailsWhatIsInFlight() throws Exception {
        TxHandle tx = sql.call(process, Begin.on("h2"));
        sql.call(process, TxExecute.of(tx, "UPDATE t SET v = 2"));
        YieldProbe running = sql.start(process, Query.on("h2", FOREVER));

        sql.dispatcher.deactivate();
        assertEquals(DispatchException.SHUTDOWN, ((DispatchException) running.error()).code());
        sql.assertNoConnectionInUse();
        try (java.sql.Connection connection = sql.pool.dataSource().getConnection();
                java.sql.ResultSet rs = connection.createStatement().executeQuery("SELECT v FROM t")) {
            assertTrue(rs.next());
            assertEquals("rolled back", 1, rs.getInt(1));
        }
    }

    /** Called by H2 for each row of {@link #SIGNALLING_FOREVER}: the statement runs now. */
    public static boolean signalRunning(long row) {
        statementRuns.countDown();
        return true;
    }

    private static volatile CountDownLatch statementRuns;
    private static final String SIGNALLING_FOREVER = FOREVER + " WHERE SIGNAL_RUNNING(a.X)";

    @Test
    public void closingKeptStatementsDoesNotWaitForOneThatRuns() throws Exception {
        sql.call(process, Execute.on("h2", "CREATE ALIAS SIGNAL_RUNNING FOR \"" + LifecycleTest.class.getName()
                + ".signalRunning\""));
        statementRuns = new CountDownLatch(1);
        YieldProbe running = sql.start(process, Query.on("h2", SIGNALLING_FOREVER));
        assertTrue("the statement never ran", statementRuns.await(30, TimeUnit.SECONDS));
        // H2 holds the session's lock while the statement runs: closing the statement would wait
        // for it, and a cancel needs the lock the close holds (the module stopping hung so)
        CompletableFuture<Void> closed = CompletableFuture.runAsync(
                () -> SourceAccess.closeKeptStatements(sql.dispatcher.engine(), "h2"));
        try {
            closed.get(10, TimeUnit.SECONDS);
        } finally {
            running.cancel();
        }
        assertEquals(DispatchException.CANCELLED, ((DispatchException) running.error()).code());
        sql.assertNoConnectionInUse();
        assertEquals(1, sql.call(process, Query.on("h2", "SELECT v FROM t")).get(0, 0));
    }

    @Test
    public void aDatasourceThatLeavesClosesItsHandles() throws Exception {
        TxHandle tx = sql.call(process, Begin.on("h2"));
        sql.call(process, TxExecute.of(tx, "UPDATE t SET v = 3"));
        sql.dispatcher.removePool(sql.pool);
        sql.assertNoConnectionInUse();
        assertEquals(dispatch.module.sql.SqlFailure.UNKNOWN_DATASOURCE,
                sql.failure(process, Query.on("h2", "SELECT 1"), dispatch.module.sql.SqlFailure.class).code());
        sql.dispatcher.addPool(sql.pool, Map.of());
        assertEquals(1, sql.call(process, Query.on("h2", "SELECT v FROM t")).get(0, 0));
        assertTrue(sql.dispatcher.engine().handles().isEmpty());
    }

    @Test
    public void settingsNeverShowThePassword() {
        DataSourceSettings settings = DataSourceSettings.builder("pg")
                .url("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true").user("app").password("hunter2")
                .build();
        assertFalse(settings.toString().contains("hunter2"));
        assertFalse(settings.toString().contains("s3cret"));
        assertTrue(settings.toString(), settings.toString().contains("password=****"));
        assertEquals("jdbc:postgresql://db:5432/app?user=app&password=****&ssl=true", settings.maskedUrl());
        assertEquals("jdbc:h2:mem:x;USER=sa;PASSWORD=****", DataSourceSettings.mask("jdbc:h2:mem:x;USER=sa;PASSWORD=pw"));
        assertEquals("jdbc:mysql://root:****@host/db", DataSourceSettings.mask("jdbc:mysql://root:pw@host/db"));
        assertEquals("the driver still gets it", "hunter2", settings.factoryProperties().getProperty("password"));
    }
}
