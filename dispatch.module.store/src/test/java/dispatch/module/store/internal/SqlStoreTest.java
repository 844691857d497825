package dispatch.module.store.internal;

import static dispatch.module.store.internal.StoreHarness.STORE;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import dispatch.module.store.CompareAndSet;
import dispatch.module.store.Get;
import dispatch.module.store.Set;
import dispatch.module.store.StoreFailure;
import dispatch.testing.YieldProbe;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.Before;
import org.junit.Test;

/** The sql backend on H2 in memory: the contract, and what is particular to a table. */
public class SqlStoreTest extends StoreContract {

    private final JdbcDataSource h2 = new JdbcDataSource();
    private final AtomicReference<DataSource> dataSource = new AtomicReference<>(h2);

    public SqlStoreTest() {
        h2.setURL("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        h2.setUser("sa");
    }

    @Override
    protected Backend backend() {
        return new SqlStore(STORE, "db", dataSource::get, "kv", 100);
    }

    @Before
    public void start() {
        setUp();
    }

    @Test
    public void theTableIsCreatedOnceAndOutlivesTheStore() throws Exception {
        store.call(new Set(STORE, "kept", "across restarts"));
        store.close();
        store = new StoreHarness(backend()); // a new store on the same table, as after a restart
        assertEquals("across restarts", store.call(new Get(STORE, "kept")).value());
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM kv")) {
            rows.next();
            assertEquals(1, rows.getInt(1));
        }
    }

    @Test
    public void aMissingOrDownDatasourceIsUnavailableAndTheStoreRecovers() {
        dataSource.set(null);
        store.fails(StoreFailure.UNAVAILABLE, "no javax.sql.DataSource service with name=db", new Get(STORE, "k"));
        JdbcDataSource down = new JdbcDataSource(); // a server that does not answer
        down.setURL("jdbc:h2:tcp://127.0.0.1:1/nothing");
        dataSource.set(down);
        store.fails(StoreFailure.UNAVAILABLE, "gives no connection", new Set(STORE, "k", "v"));
        dataSource.set(h2);
        assertEquals(1, store.call(new Set(STORE, "k", "v")).version());
    }

    @Test
    public void aProcessThatOnlyWaitsRunsItsSqlOnItsOwnThread() {
        store.call(new Set(STORE, "k", "v")); // the first connection tells the URL: in memory, interrupts are safe
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        YieldProbe waits = store.send(new Get(STORE, "k"), true, () -> ranOn.set(Thread.currentThread()));
        waits.awaitDone();
        assertSame(caller, ranOn.get());
        YieldProbe other = store.send(new Get(STORE, "k"), false, () -> ranOn.set(Thread.currentThread()));
        other.awaitDone();
        assertNotSame(caller, ranOn.get());
    }

    @Test
    public void anH2FileDatabaseIsNeverUsedOnACallersThread() throws Exception {
        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:./target/h2/store-" + UUID.randomUUID());
        file.setUser("sa");
        SqlStore onFile = new SqlStore(STORE, "file", () -> file, "kv", 100);
        store.close();
        store = new StoreHarness(onFile);
        assertEquals(1, store.call(new Set(STORE, "k", "v")).version());
        assertFalse("an interrupt of the caller would close the database's file", onFile.callerMayRun());
        Thread caller = Thread.currentThread();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        store.send(new Get(STORE, "k"), true, () -> ranOn.set(Thread.currentThread())).awaitDone();
        assertNotSame(caller, ranOn.get());
    }

    @Test(expected = IllegalArgumentException.class)
    public void aTableNameMustBeAnIdentifier() {
        new SqlTable("kv; DROP TABLE x");
    }

    @Test
    public void aCompareAndSetIsOneConditionalStatement() {
        store.call(new Set(STORE, "c", "0"));
        assertTrue(store.call(new CompareAndSet(STORE, "c", 1, "1")).written());
        assertFalse(store.call(new CompareAndSet(STORE, "c", 1, "1")).written());
        assertEquals(2, store.call(new Get(STORE, "c")).version());
    }
}
