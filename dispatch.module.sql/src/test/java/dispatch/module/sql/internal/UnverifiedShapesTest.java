package dispatch.module.sql.internal;

import static org.junit.Assert.assertEquals;

import dispatch.module.sql.Begin;
import dispatch.module.sql.Execute;
import dispatch.module.sql.Query;
import dispatch.module.sql.Rows;
import dispatch.module.sql.TxCommit;
import dispatch.module.sql.TxExecute;
import dispatch.module.sql.TxHandle;
import dispatch.module.sql.internal.pool.DataSourceSettings;
import dispatch.testing.ProcessProbe;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A datasource with {@code verify.result.shape=false}: a query's columns are described once per
 * SQL text and used as they are, until DDL runs through the module on that datasource.
 */
public class UnverifiedShapesTest {

    private static final String EVERYTHING = "SELECT * FROM evolving";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private Harness sql;
    private ProcessProbe process;

    @Before
    public void setUp() throws Exception {
        sql = new Harness(DataSourceSettings.builder("h2").url("jdbc:h2:mem:unverified" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1").user("sa")
                .poolSize(2).verifyResultShape(false).build(), true);
        sql.callerWaits = true;
        process = sql.process();
        sql.call(process, Execute.on("h2", "CREATE TABLE evolving (id INT PRIMARY KEY, label VARCHAR(20))"));
        sql.call(process, Execute.on("h2", "INSERT INTO evolving VALUES (1, 'one')"));
    }

    @After
    public void tearDown() {
        sql.close();
    }

    private Rows everything() {
        return sql.call(process, Query.on("h2", EVERYTHING));
    }

    @Test
    public void ddlThroughTheModuleShowsAtOnce() {
        assertEquals(2, everything().columns().size());
        sql.call(process, Execute.on("h2", "ALTER TABLE evolving ADD COLUMN amount INT DEFAULT 7"));
        Rows added = everything();
        assertEquals(3, added.columns().size());
        assertEquals(7, added.get(0, "amount"));
    }

    @Test
    public void ddlInATransactionShowsOnceItEnds() {
        assertEquals(2, everything().columns().size());
        TxHandle tx = sql.call(process, Begin.on("h2"));
        sql.call(process, TxExecute.of(tx, "ALTER TABLE evolving ADD COLUMN amount INT DEFAULT 7"));
        sql.call(process, new TxCommit(tx));
        assertEquals(3, everything().columns().size());
    }

    /** What the setting gives up, and so the proof that it takes effect. */
    @Test
    public void aChangeMadeOutsideTheModuleShowsOnlyAfterDdlThroughIt() throws Exception {
        assertEquals(2, everything().columns().size());
        try (Connection connection = sql.pool.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE evolving ADD COLUMN amount INT DEFAULT 7");
        }
        assertEquals("described once, not again", 2, everything().columns().size());
        sql.call(process, Execute.on("h2", "CREATE INDEX evolving_label ON evolving (label)"));
        assertEquals(3, everything().columns().size());
    }
}
