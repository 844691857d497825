package dispatch.module.sql.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.module.sql.Begin;
import dispatch.module.sql.CursorHandle;
import dispatch.module.sql.Execute;
import dispatch.module.sql.Fetch;
import dispatch.module.sql.Prepare;
import dispatch.module.sql.Query;
import dispatch.module.sql.SqlFailure;
import dispatch.module.sql.StatementHandle;
import dispatch.module.sql.StmtExecute;
import dispatch.module.sql.TxCommit;
import dispatch.module.sql.TxExecute;
import dispatch.module.sql.TxHandle;
import dispatch.module.sql.TxQuery;
import dispatch.module.sql.TxRollback;
import dispatch.testing.ProcessProbe;
import org.junit.Before;
import org.junit.Test;

/**
 * Every kind of bad input gets an error result with a code, an SQLState and a message; the
 * process goes on using the module afterwards, and no connection is left behind.
 */
public class BadInputTest extends CallerModes {

    @Override
    protected String database() {
        return "bad";
    }

    @Before
    public void createTables() throws Exception {
        sql.call(process, Execute.on("h2", "CREATE TABLE accounts (id INT PRIMARY KEY, balance INT NOT NULL CHECK (balance >= 0))"));
        sql.call(process, Execute.on("h2", "INSERT INTO accounts VALUES (1, 100), (2, 50)"));
    }

    /** Runs the bad command, checks its error, then checks the process can still work and nothing leaked. */
    private SqlFailure expect(Command<?> command, String code, String sqlStatePrefix) throws Exception {
        SqlFailure failure = sql.failure(process, command, SqlFailure.class);
        assertEquals(failure.toString(), code, failure.code());
        assertTrue(failure + " should have SQLState " + sqlStatePrefix + "*", failure.sqlState().startsWith(sqlStatePrefix));
        assertNotNull(failure.getMessage());
        assertEquals("the process lives on", 150L,
                ((Number) sql.call(process, Query.on("h2", "SELECT SUM(balance) FROM accounts")).get(0, 0)).longValue());
        sql.assertNoConnectionInUse();
        return failure;
    }

    @Test
    public void syntaxError() throws Exception {
        SqlFailure failure = expect(Query.on("h2", "SELEC * FROM accounts"), SqlFailure.SQL_ERROR, "42");
        assertTrue(failure.isSyntaxError());
        assertTrue("the driver's vendor code is kept", failure.vendorCode() != 0);
    }

    @Test
    public void constraintViolations() throws Exception {
        assertTrue(expect(Execute.on("h2", "INSERT INTO accounts VALUES (?, ?)", 1, 10), SqlFailure.SQL_ERROR, "23")
                .isConstraintViolation());
        assertTrue(expect(Execute.on("h2", "UPDATE accounts SET balance = balance - ? WHERE id = ?", 500, 1),
                SqlFailure.SQL_ERROR, "23").isConstraintViolation());
        expect(Execute.on("h2", "INSERT INTO accounts VALUES (?, ?)", 3, null), SqlFailure.SQL_ERROR, "23");
    }

    @Test
    public void wrongParameterCount() throws Exception {
        expect(Query.on("h2", "SELECT * FROM accounts WHERE id = ? AND balance > ?", 1), SqlFailure.SQL_ERROR, "");
        expect(Query.on("h2", "SELECT * FROM accounts WHERE id = ?", 1, 2), SqlFailure.SQL_ERROR, "");
        // a prepared statement knows its parameters: checked before any connection is taken
        StatementHandle statement = sql.call(process, Prepare.on("h2", "UPDATE accounts SET balance = ? WHERE id = ?"));
        SqlFailure failure = expect(StmtExecute.of(statement, 1), DispatchException.INVALID_ARGUMENT, "07001");
        assertTrue(failure.getMessage(), failure.getMessage().contains("2 parameter(s)"));
    }

    @Test
    public void parameterOfATypeThatCannotBeBound() throws Exception {
        expect(Query.on("h2", "SELECT * FROM accounts WHERE id = ?", new Object()), DispatchException.INVALID_ARGUMENT,
                "07006");
    }

    @Test
    public void unknownDatasource() throws Exception {
        SqlFailure failure = expect(Query.on("nowhere", "SELECT 1"), SqlFailure.UNKNOWN_DATASOURCE, "3D000");
        assertTrue(failure.getMessage(), failure.getMessage().contains("'nowhere'"));
    }

    @Test
    public void unknownAndClosedHandles() throws Exception {
        expect(TxQuery.of(new TxHandle(999_999, "h2"), "SELECT 1"), SqlFailure.UNKNOWN_HANDLE, "25000");
        expect(StmtExecute.of(new StatementHandle(999_999, "h2", 0)), SqlFailure.UNKNOWN_HANDLE, "26000");
        expect(new Fetch(new CursorHandle(999_999, 10)), SqlFailure.UNKNOWN_HANDLE, "34000");

        TxHandle tx = sql.call(process, Begin.on("h2"));
        sql.call(process, new TxRollback(tx));
        SqlFailure afterRollback = expect(new TxCommit(tx), SqlFailure.UNKNOWN_HANDLE, "25000");
        assertTrue(afterRollback.getMessage(), afterRollback.getMessage().contains("is closed"));
        expect(TxExecute.of(tx, "DELETE FROM accounts"), SqlFailure.UNKNOWN_HANDLE, "25000");
    }

    @Test
    public void aHandleOfAnotherProcessIsRefused() throws Exception {
        ProcessProbe other = sql.process();
        TxHandle theirs = sql.call(other, Begin.on("h2"));
        sql.call(other, TxExecute.of(theirs, "UPDATE accounts SET balance = 0 WHERE id = 1"));
        SqlFailure failure = sql.failure(process, new TxCommit(theirs), SqlFailure.class);
        assertEquals(DispatchException.NOT_OWNER, failure.code());
        assertEquals("42501", failure.sqlState());
        sql.call(other, new TxRollback(theirs));
        assertEquals(100, sql.call(process, Query.on("h2", "SELECT balance FROM accounts WHERE id = 1")).get(0, 0));
        sql.assertNoConnectionInUse();
    }

    @Test
    public void aStatementTimeoutIsATimeoutWithItsSqlState() throws Exception {
        SqlFailure failure = expect(Query.on("h2", "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000000) a, SYSTEM_RANGE(1, 100000000) b")
                .with(dispatch.module.sql.Options.DEFAULT.withTimeout(java.time.Duration.ofSeconds(1))),
                DispatchException.TIMEOUT, "57014");
        assertNotNull(failure.getCause());
    }
}
