package dispatch.itest.store;

import dispatch.itest.sql.Dialect;
import dispatch.itest.support.DispatchOptions;
import java.io.File;
import java.util.Dictionary;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The store suite with its sql store on an embedded H2 file database. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StoreH2IT extends StoreSuite {

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
        return "storeh2";
    }

    @Override
    protected Dictionary<String, Object> datasourceProperties() {
        String file = new File("target/store-itest/h2").getAbsolutePath();
        return properties("jdbc:h2:file:" + file + ";LOCK_TIMEOUT=10000", "sa", "store-pw");
    }
}
