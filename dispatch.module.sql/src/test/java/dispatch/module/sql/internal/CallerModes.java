package dispatch.module.sql.internal;

import dispatch.testing.ProcessProbe;
import org.junit.After;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * A test of the module run both ways a handler runs: on a JDBC thread, and on the waiting
 * caller's thread. Each test gets its own H2 database and a process to yield from.
 */
@RunWith(Parameterized.class)
public abstract class CallerModes {

    @Parameters(name = "callerWaits={0}")
    public static Object[] callerWaits() {
        return new Object[] {false, true};
    }

    @Parameter
    public boolean callerWaits;

    protected Harness sql;
    protected ProcessProbe process;

    /** The name of the test's in-memory database. */
    protected abstract String database();

    @Before
    public void startModule() throws Exception {
        sql = new Harness(database(), 4, true);
        sql.callerWaits = callerWaits;
        process = sql.process();
    }

    @After
    public void closeModule() {
        sql.close();
    }
}
