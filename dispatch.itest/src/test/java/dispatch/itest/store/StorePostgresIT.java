package dispatch.itest.store;

import dispatch.itest.sql.Dialect;
import dispatch.itest.sql.PaxExamIfPostgres;
import dispatch.itest.sql.Postgres;
import dispatch.itest.support.DispatchOptions;
import java.util.Dictionary;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The store suite with its sql store on a real PostgreSQL server; skipped, with the reason, when
 * none is reachable (see {@link Postgres}).
 */
@RunWith(PaxExamIfPostgres.class)
@ExamReactorStrategy(PerClass.class)
public class StorePostgresIT extends StoreSuite {

    @Configuration
    public Option[] config() {
        return DispatchOptions.runtime();
    }

    @Override
    protected Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    protected String datasource() {
        return "storepg";
    }

    @Override
    protected Dictionary<String, Object> datasourceProperties() {
        return properties(Postgres.URL, Postgres.USER, Postgres.PASSWORD);
    }
}
