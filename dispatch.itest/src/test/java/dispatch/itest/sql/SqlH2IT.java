package dispatch.itest.sql;

import dispatch.itest.support.DispatchOptions;
import java.util.Dictionary;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The SQL suite on an H2 in-memory database, configured like any other datasource. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SqlH2IT extends SqlSuite {

    /** The datasource's password: it must never show. */
    static final String PASSWORD = "h2-secret-pw";

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
        return "h2test";
    }

    @Override
    protected Dictionary<String, Object> datasourceProperties() {
        return properties("jdbc:h2:mem:itest;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", PASSWORD);
    }
}
