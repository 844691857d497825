package dispatch.module.sql.internal.pool;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import dispatch.module.sql.Query;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The datasource named {@code default} that exists without any configuration: an embedded H2
 * file database at {@code ${dispatch.data}/h2/dispatch} (the framework property
 * {@code dispatch.data}, {@code runtime-data} when unset), so that the platform works on a
 * fresh machine. PID {@value #PID} may change any setting, e.g. point it elsewhere. It has
 * {@code service.ranking=-1}: a configured datasource of the same name takes its place.
 */
@Component(name = DefaultDataSource.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = SqlPool.class,
        property = {DataSourceProperties.MARKER, "name=default", "service.ranking:Integer=-1"})
@Designate(ocd = DataSourceConfig.class)
public final class DefaultDataSource extends PooledDataSource {

    /** The PID of the default datasource's optional configuration. */
    public static final String PID = "dispatch.sql.default";
    /** The framework property naming the runtime's data directory. */
    public static final String DATA_PROPERTY = "dispatch.data";

    @Activate
    public DefaultDataSource(BundleContext context,
            @Reference(name = "dataSourceFactory", target = DataSourceSettings.H2_TARGET) DataSourceFactory factory,
            DataSourceConfig config, Map<String, Object> properties) throws SQLException {
        super(factory, settings(context.getProperty(DATA_PROPERTY), config, properties));
    }

    static DataSourceSettings settings(String dataDirectory, DataSourceConfig config, Map<String, Object> properties) {
        DataSourceSettings.Builder builder = DataSourceSettings.from(config, properties);
        if (config.name().isBlank()) {
            builder.name(Query.DEFAULT_DATASOURCE);
        }
        if (config.url().isBlank() && !properties.containsKey(DataSourceFactory.JDBC_DATABASE_NAME)) {
            builder.url(embeddedUrl(dataDirectory));
            if (config.user().isBlank()) {
                builder.user("sa");
            }
        }
        return builder.build();
    }

    /** The embedded database's URL under the data directory. */
    static String embeddedUrl(String dataDirectory) {
        Path base = Path.of(dataDirectory == null || dataDirectory.isBlank() ? "runtime-data" : dataDirectory);
        return "jdbc:h2:file:" + base.toAbsolutePath().normalize().resolve("h2").resolve("dispatch");
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
