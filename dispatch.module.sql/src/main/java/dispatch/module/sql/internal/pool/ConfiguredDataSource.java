package dispatch.module.sql.internal.pool;

import java.sql.SQLException;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One datasource per factory configuration of {@value #FACTORY_PID}. The driver is chosen with
 * the {@code dataSourceFactory.target} property (H2's by default), e.g.
 * {@code (osgi.jdbc.driver.class=org.postgresql.Driver)}: the component waits until that
 * driver's {@code DataSourceFactory} is there, and goes when it goes.
 */
@Component(name = ConfiguredDataSource.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = SqlPool.class, property = DataSourceProperties.MARKER)
@Designate(ocd = DataSourceConfig.class, factory = true)
public final class ConfiguredDataSource extends PooledDataSource {

    /** The factory PID of datasource configurations. */
    public static final String FACTORY_PID = "dispatch.sql.datasource";

    @Activate
    public ConfiguredDataSource(
            @Reference(name = "dataSourceFactory", target = DataSourceSettings.H2_TARGET) DataSourceFactory factory,
            DataSourceConfig config, Map<String, Object> properties) throws SQLException {
        super(factory, DataSourceSettings.of(config, properties));
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
