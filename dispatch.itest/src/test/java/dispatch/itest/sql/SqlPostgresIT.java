package dispatch.itest.sql;

import dispatch.itest.support.DispatchOptions;
import java.util.Dictionary;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The SQL suite on a real PostgreSQL server through the PostgreSQL JDBC driver bundle's
 * {@code DataSourceFactory}. Skipped, with the reason, when no server is reachable (see {@link Postgres}).
 */
@RunWith(PaxExamIfPostgres.class)
@ExamReactorStrategy(PerClass.class)
public class SqlPostgresIT extends SqlSuite {

    @Configuration
    public Option[] config() {
        return DispatchOptions.runtime();
    }

    static String password() {
        return Postgres.PASSWORD;
    }

    @Override
    protected Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    protected String datasource() {
        return "pgtest";
    }

    @Override
    protected Dictionary<String, Object> datasourceProperties() {
        return properties(Postgres.URL, Postgres.USER, Postgres.PASSWORD);
    }
}
