package dispatch.itest.sql;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dispatch.api.DispatchException;
import dispatch.api.process.BlockingProcess;
import dispatch.module.sql.Begin;
import dispatch.module.sql.Execute;
import dispatch.module.sql.Query;
import dispatch.module.sql.TxExecute;
import dispatch.module.sql.TxHandle;
import dispatch.itest.support.DispatchOptions;
import dispatch.itest.support.Services;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Dictionary;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Stopping the sql bundle while a process is mid-transaction with a statement running: the
 * yield gets one error result, the transaction is rolled back, and the module comes back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class SqlBundleStopIT extends SqlTestSupport {

    static final String URL = "jdbc:h2:mem:stop;DB_CLOSE_DELAY=-1";

    @Configuration
    public Option[] config() {
        return DispatchOptions.runtime();
    }

    @Override
    protected Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    protected String datasource() {
        return "stoptest";
    }

    @Override
    protected Dictionary<String, Object> datasourceProperties() {
        return properties(URL, "sa", "stop-pw");
    }

    @Test
    public void stoppingTheBundleRollsBackAndAnswersTheYieldInFlight() throws Exception {
        inProcess(p -> p.call(Execute.on(datasource(), "CREATE TABLE t (id INT PRIMARY KEY, v INT)")));
        inProcess(p -> p.call(Execute.on(datasource(), "INSERT INTO t VALUES (1, 1)")));
        CompletableFuture<Void> inTransaction = new CompletableFuture<>();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        long pid = runtime.spawn((BlockingProcess) p -> {
            TxHandle tx = p.call(Begin.on(datasource()));
            p.call(TxExecute.of(tx, "UPDATE t SET v = 2"));
            inTransaction.complete(null);
            try {
                p.call(Query.on(datasource(), dialect().endlessQuery));
                outcome.complete(null);
            } catch (RuntimeException e) {
                outcome.complete(e);
            }
        });
        inTransaction.get(WAIT_SECONDS, TimeUnit.SECONDS);
        Bundle sql = bundle("dispatch.module.sql");
        Services.awaitGone(context, DataSource.class, "(name=" + datasource() + ")", sql::stop);

        Throwable error = outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue("the yield in flight got an error: " + error, error instanceof DispatchException);
        awaitExit(pid);

        // the pool is gone with the bundle: look at the database through H2's own DataSourceFactory
        DataSourceFactory h2 = Services.await(context, DataSourceFactory.class, dialect().factoryTarget());
        Properties properties = new Properties();
        properties.setProperty(DataSourceFactory.JDBC_URL, URL);
        properties.setProperty(DataSourceFactory.JDBC_USER, "sa");
        properties.setProperty(DataSourceFactory.JDBC_PASSWORD, "stop-pw");
        try (Connection connection = h2.createDataSource(properties).getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT v FROM t")) {
            assertTrue(rs.next());
            assertEquals("rolled back", 1, rs.getInt(1));
        }

        sql.start();
        dataSource = Services.await(context, DataSource.class, "(name=" + datasource() + ")");
        awaitReady();
        assertEquals(1, (int) (Integer) inProcess(p -> p.call(Query.on(datasource(), "SELECT v FROM t")).get(0, 0)));
        assertNoConnectionInUse();
    }
}
