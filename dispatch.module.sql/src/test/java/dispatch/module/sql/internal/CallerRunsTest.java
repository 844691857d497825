package dispatch.module.sql.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dispatch.module.sql.Begin;
import dispatch.module.sql.Execute;
import dispatch.module.sql.Query;
import dispatch.module.sql.TxCommit;
import dispatch.module.sql.TxExecute;
import dispatch.module.sql.TxHandle;
import dispatch.module.sql.internal.engine.SourceAccess;
import dispatch.testing.ProcessProbe;
import dispatch.testing.YieldProbe;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * When the process only waits for the result ({@code callerWaits}), the SQL runs right on the
 * caller's thread: the result is there when {@code handle} returns. Otherwise it runs on a JDBC
 * thread, and never for an embedded H2 file database.
 */
public class CallerRunsTest {

    private Harness sql;
    private ProcessProbe process;

    @Before
    public void setUp() throws Exception {
        sql = new Harness("inline", 2, true);
        process = sql.process();
        sql.call(process, Execute.on("h2", "CREATE TABLE t (id INT PRIMARY KEY, v INT)"));
    }

    @After
    public void tearDown() {
        sql.close();
    }

    @Test
    public void aWaitingCallerRunsItsStatementsItself() throws Exception {
        YieldProbe insert = sql.start(process, Execute.on("h2", "INSERT INTO t VALUES (1, 1)"), null, true);
        assertTrue(insert.isDone());
        YieldProbe begin = sql.start(process, Begin.on("h2"), null, true);
        assertTrue(begin.isDone());
        TxHandle tx = (TxHandle) begin.value();
        YieldProbe update = sql.start(process, TxExecute.of(tx, "UPDATE t SET v = 2"), null, true);
        assertTrue(update.isDone());
        YieldProbe commit = sql.start(process, new TxCommit(tx), null, true);
        assertTrue(commit.isDone());
        assertEquals(2, sql.call(process, Query.on("h2", "SELECT v FROM t")).get(0, 0));
        sql.assertNoConnectionInUse();
    }

    @Test
    public void aCallerThatDoesNotWaitNeverRunsTheStatement() throws Exception {
        // the JDBC thread cannot finish before the query it is given has started: hold H2 on a lock
        sql.call(process, Execute.on("h2", "INSERT INTO t VALUES (1, 1)"));
        TxHandle locker = sql.call(process, Begin.on("h2"));
        sql.call(process, TxExecute.of(locker, "UPDATE t SET v = 5 WHERE id = 1"));
        ProcessProbe other = sql.process();
        YieldProbe blocked = sql.start(other, Execute.on("h2", "UPDATE t SET v = 6 WHERE id = 1"), null, false);
        assertFalse("the caller went on while the statement waits for the lock", blocked.isDone());
        sql.call(process, new TxCommit(locker));
        assertEquals(1L, ((dispatch.module.sql.ExecuteResult) blocked.value()).rowsAffected());
        sql.assertNoConnectionInUse();
    }

    @Test
    public void anEmbeddedH2FileDatabaseNeverRunsOnTheCaller() {
        assertTrue(SourceAccess.embeddedH2OnFiles("jdbc:h2:file:/data/h2/dispatch"));
        assertTrue(SourceAccess.embeddedH2OnFiles("jdbc:h2:./data/db"));
        assertFalse(SourceAccess.embeddedH2OnFiles("jdbc:h2:mem:x"));
        assertFalse(SourceAccess.embeddedH2OnFiles("jdbc:h2:tcp://localhost/x"));
        assertFalse(SourceAccess.embeddedH2OnFiles("jdbc:postgresql://h/x"));
    }
}
