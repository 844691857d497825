package dispatch.module.sql.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import dispatch.module.sql.Begin;
import dispatch.module.sql.Execute;
import dispatch.module.sql.Query;
import dispatch.module.sql.TxCommit;
import dispatch.module.sql.TxExecute;
import dispatch.module.sql.TxHandle;
import dispatch.module.sql.internal.Harness.FakeProcess;
import dispatch.module.sql.internal.Harness.Yield;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * On a virtual thread (a blocking-style process's own thread, JDK 21+) the SQL runs right on
 * the caller's thread: the result is there when {@code handle} returns. Elsewhere it never is.
 */
public class CallerRunsTest {

    private Harness sql;
    private FakeProcess process;

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

    private static ThreadFactory virtualThreads() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private <T> T onVirtualThread(Supplier<T> body) throws Exception {
        ThreadFactory factory = virtualThreads();
        assumeTrue("this JVM has no virtual threads", factory != null);
        CompletableFuture<T> result = new CompletableFuture<>();
        factory.newThread(() -> {
            try {
                result.complete(body.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }).start();
        return result.get(Harness.WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    public void aVirtualCallerRunsItsStatementsItself() throws Exception {
        boolean inline = onVirtualThread(() -> {
            Yield insert = sql.start(process, Execute.on("h2", "INSERT INTO t VALUES (1, 1)"));
            boolean done = insert.result.isDone();
            Yield begin = sql.start(process, Begin.on("h2"));
            TxHandle tx = (TxHandle) begin.value();
            Yield update = sql.start(process, TxExecute.of(tx, "UPDATE t SET v = 2"));
            done &= update.result.isDone();
            Yield commit = sql.start(process, new TxCommit(tx));
            return done && begin.result.isDone() && commit.result.isDone();
        });
        assertTrue("completed before handle returned", inline);
        assertEquals(2, sql.call(process, Query.on("h2", "SELECT v FROM t")).get(0, 0));
        sql.assertNoConnectionInUse();
    }

    @Test
    public void anEmbeddedH2FileDatabaseNeverRunsOnTheCaller() {
        assertTrue(dispatch.module.sql.internal.engine.SourceAccess.embeddedH2OnFiles("jdbc:h2:file:/data/h2/dispatch"));
        assertTrue(dispatch.module.sql.internal.engine.SourceAccess.embeddedH2OnFiles("jdbc:h2:./data/db"));
        assertTrue(!dispatch.module.sql.internal.engine.SourceAccess.embeddedH2OnFiles("jdbc:h2:mem:x"));
        assertTrue(!dispatch.module.sql.internal.engine.SourceAccess.embeddedH2OnFiles("jdbc:h2:tcp://localhost/x"));
        assertTrue(!dispatch.module.sql.internal.engine.SourceAccess.embeddedH2OnFiles("jdbc:postgresql://h/x"));
    }
}
