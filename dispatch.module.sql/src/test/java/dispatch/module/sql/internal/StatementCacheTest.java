package dispatch.module.sql.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dispatch.module.sql.Execute;
import dispatch.module.sql.Query;
import dispatch.module.sql.SqlFailure;
import dispatch.module.sql.internal.engine.SourceAccess;
import dispatch.module.sql.internal.pool.DataSourceSettings;
import dispatch.testing.ProcessProbe;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The statements the module keeps per pooled connection: a query run again reuses its
 * connection's statement, never with the parameters of an earlier run, and kept statements go
 * with their connection and with their datasource. One connection, so every query meets the
 * statements of the ones before.
 */
public class StatementCacheTest {

    private static final String BY_ID = "SELECT v FROM t WHERE id = ?";

    private Harness sql;
    private ProcessProbe process;
    private IntSupplier kept;

    @Before
    public void setUp() throws Exception {
        sql = new Harness("kept", 1, true);
        sql.callerWaits = true;
        process = sql.process();
        sql.call(process, Execute.on("h2", "CREATE TABLE t (id INT PRIMARY KEY, v INT)"));
        sql.call(process, Execute.on("h2", "INSERT INTO t VALUES (?, ?), (?, ?)", 1, 10, 2, 20));
        kept = SourceAccess.keptStatements(sql.dispatcher.engine(), "h2");
    }

    @After
    public void tearDown() {
        sql.close();
    }

    @Test
    public void aQueryRunAgainReusesItsConnectionsStatement() throws Exception {
        int before = kept.getAsInt();
        for (int i = 0; i < 20; i++) {
            int id = 1 + i % 2;
            assertEquals(id * 10, sql.call(process, Query.on("h2", BY_ID, id)).get(0, 0));
        }
        assertEquals("one statement more, however often it ran", before + 1, kept.getAsInt());
        sql.assertNoConnectionInUse();
    }

    @Test
    public void aStatementRunAgainWithTooFewParametersFailsInsteadOfReusingOldOnes() throws Exception {
        assertEquals(10, sql.call(process, Query.on("h2", BY_ID, 1)).get(0, 0));
        SqlFailure failure = sql.failure(process, Query.on("h2", BY_ID), SqlFailure.class);
        assertEquals(SqlFailure.SQL_ERROR, failure.code());
        assertEquals(20, sql.call(process, Query.on("h2", BY_ID, 2)).get(0, 0));
        sql.assertNoConnectionInUse();
    }

    @Test
    public void statementsOfAConnectionThePoolClosedAreDropped() throws Exception {
        int before = kept.getAsInt(); // the setup's two updates
        for (int round = 0; round < 20; round++) {
            assertEquals(10, sql.call(process, Query.on("h2", BY_ID, 1)).get(0, 0));
            sql.pool.dataSource().getHikariPoolMXBean().softEvictConnections();
        }
        assertEquals(10, sql.call(process, Query.on("h2", BY_ID, 1)).get(0, 0));
        // 21 connections ran the query; Hikari closes evicted ones on its own thread, so the last
        // few may not be closed yet when the newest connection is seen and the closed ones swept
        assertTrue("kept: " + kept.getAsInt(), kept.getAsInt() <= before + 5);
        sql.assertNoConnectionInUse();
    }

    /**
     * A kept statement runs on the driver's connection, out of the pool's sight: when it reports
     * a broken connection (SQLState 08...), the module has the pool evict it, as the pool would
     * have on an error of its own statement, instead of handing it out again.
     */
    @Test
    public void aConnectionErrorOfAKeptStatementEvictsTheConnection() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        AtomicBoolean lost = new AtomicBoolean();
        try (Harness flaky = new Harness(DataSourceSettings.builder("h2")
                .url("jdbc:h2:mem:kept-flaky;DB_CLOSE_DELAY=-1").user("sa").poolSize(1).build(), true,
                driver -> LosingConnections.of(driver, opened, lost))) {
            flaky.callerWaits = true;
            ProcessProbe user = flaky.process();
            assertEquals(1, flaky.call(user, Query.on("h2", "SELECT 1")).get(0, 0));
            assertEquals(1, opened.get());

            lost.set(true);
            SqlFailure failure = flaky.failure(user, Query.on("h2", "SELECT 1"), SqlFailure.class);
            assertEquals("08006", failure.sqlState());
            lost.set(false);

            assertEquals(1, flaky.call(user, Query.on("h2", "SELECT 1")).get(0, 0));
            assertEquals("the broken connection was replaced", 2, opened.get());
            flaky.assertNoConnectionInUse();
        }
    }

    @Test
    public void aDatasourceThatLeavesClosesItsKeptStatements() throws Exception {
        assertEquals(10, sql.call(process, Query.on("h2", BY_ID, 1)).get(0, 0));
        assertTrue(kept.getAsInt() > 0);
        sql.dispatcher.removePool(sql.pool);
        assertEquals(0, kept.getAsInt());
        sql.dispatcher.addPool(sql.pool, Map.of());
        assertEquals(20, sql.call(process, Query.on("h2", BY_ID, 2)).get(0, 0));
        sql.assertNoConnectionInUse();
    }
}
