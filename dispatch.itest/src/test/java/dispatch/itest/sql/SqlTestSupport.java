package dispatch.itest.sql;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.CoreMatchers.containsString;

import com.zaxxer.hikari.HikariDataSource;
import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessContext;
import dispatch.api.process.ProcessRuntime;
import dispatch.itest.support.DispatchTestSupport;
import dispatch.itest.support.Services;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.Before;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * What the SQL suites share: a datasource configured through ConfigAdmin the way users do, the
 * process runtime, and a way to run code as a real process and get its outcome.
 */
public abstract class SqlTestSupport extends DispatchTestSupport {

    /** The factory PID of datasource configurations. */
    public static final String FACTORY_PID = "dispatch.sql.datasource";
    public static final long WAIT_SECONDS = 60;

    protected ProcessRuntime runtime;
    protected DataSource dataSource;

    /** The database under test. */
    protected abstract Dialect dialect();

    /** The datasource's name, as commands give it. */
    protected abstract String datasource();

    /** The datasource's configuration: url, user, .password, driver target. */
    protected abstract Dictionary<String, Object> datasourceProperties();

    @Before
    public void startSql() throws Exception {
        String filter = "(name=" + datasource() + ")";
        if (!Services.present(context, DataSource.class, filter)) {
            configureDatasource(datasource(), datasourceProperties());
        }
        dataSource = Services.await(context, DataSource.class, filter);
        awaitReady();
        runtime = Services.await(context, ProcessRuntime.class, null);
    }

    /**
     * Configures datasource {@code name} of this suite's database through ConfigAdmin, as a user
     * does, with {@code properties} (from {@link #datasourceProperties()}, maybe adjusted).
     */
    protected Configuration configureDatasource(String name, Dictionary<String, Object> properties) throws Exception {
        ConfigurationAdmin configAdmin = Services.await(context, ConfigurationAdmin.class, null);
        Configuration configuration = configAdmin.getFactoryConfiguration(FACTORY_PID, name, "?");
        properties.put("name", name);
        properties.put("dataSourceFactory.target", dialect().factoryTarget());
        configuration.update(properties);
        return configuration;
    }

    /** A base configuration: pool size and the like. */
    protected static Dictionary<String, Object> properties(String url, String user, String password) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("url", url);
        properties.put("user", user);
        properties.put(".password", password);
        properties.put("pool.size", 10);
        properties.put("connection.timeout.millis", 20_000L);
        return properties;
    }

    /** Runs {@code body} as a blocking-style process and returns what it returned; its failure is thrown. */
    protected <T> T inProcess(Function<ProcessContext, T> body) throws Exception {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        long pid = runtime.spawn((BlockingProcess) process -> {
            try {
                outcome.complete(body.apply(process));
            } catch (RuntimeException | Error e) {
                outcome.completeExceptionally(e);
                throw e;
            }
        });
        try {
            return outcome.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } finally {
            awaitExit(pid);
        }
    }

    /** Waits until process {@code pid} has ended and returns why. */
    protected ExitReason awaitExit(long pid) throws Exception {
        var exit = runtime.exitOf(pid);
        if (exit.isEmpty()) {
            return null; // ended and forgotten already
        }
        return exit.get().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * Waits (on the module's own gauge, through {@code sql:datasources -w}) until the sql module
     * holds no connection of the datasource, then checks that HikariCP's pool agrees: no leak.
     */
    protected void assertNoConnectionInUse() throws Exception {
        String report = shell("sql:datasources -w " + TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertThat(report, not(containsString("still")));
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        assertEquals("active connections in " + pool.getPoolName(), 0, pool.getHikariPoolMXBean().getActiveConnections());
    }
}
