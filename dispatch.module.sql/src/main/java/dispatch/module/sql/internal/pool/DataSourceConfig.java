package dispatch.module.sql.internal.pool;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The configuration of one named datasource (factory PID {@value ConfiguredDataSource#FACTORY_PID},
 * or PID {@value DefaultDataSource#PID} for the embedded default). Properties the driver's
 * {@code DataSourceFactory} knows ({@code databaseName}, {@code serverName}, {@code portNumber},
 * ...) are passed on as they are, and so is every {@code jdbc.*} property without its prefix.
 */
@ObjectClassDefinition(name = "dispatch SQL datasource",
        description = "A pooled datasource made through a driver's DataSourceFactory and HikariCP")
public @interface DataSourceConfig {

    @AttributeDefinition(description = "the name commands use, e.g. 'default', 'orders'")
    String name() default "";

    @AttributeDefinition(description = "the JDBC URL; may be left out when DataSourceFactory properties name the database")
    String url() default "";

    @AttributeDefinition(description = "the database user")
    String user() default "";

    /** {@code .password}: a private property, never a service property; never printed. */
    @AttributeDefinition(type = AttributeType.PASSWORD, description = "the database password")
    String _password() default "";

    @AttributeDefinition(description = "the most connections the pool opens; also bounds the JDBC threads without virtual threads")
    int pool_size() default 10;

    @AttributeDefinition(description = "how long a command waits for a free connection")
    long connection_timeout_millis() default 30_000;

    @AttributeDefinition(description = "how long an unused connection stays open")
    long idle_timeout_millis() default 600_000;

    @AttributeDefinition(description = "the longest life of a connection")
    long max_lifetime_millis() default 1_800_000;

    @AttributeDefinition(description = "the query timeout of statements whose command gives none; 0: none")
    int query_timeout_seconds() default 0;

    @AttributeDefinition(description = "the most rows a query returns unless its command says otherwise")
    int max_rows() default 10_000;

    @AttributeDefinition(description = "the driver's fetch size for queries that are not paged; 0: the driver's")
    int fetch_size() default 0;

    @AttributeDefinition(description = "compare each query result's columns with those cached for its SQL, so that a"
            + " schema change shows at once; false: describe each SQL once and again only after DDL through the module"
            + " on this datasource (a schema changed by others shows after a restart of the datasource); about 0.1 us"
            + " a query on H2 in memory")
    boolean verify_result_shape() default true;

    @AttributeDefinition(description = "selects the driver's DataSourceFactory service, e.g. (osgi.jdbc.driver.class=org.postgresql.Driver)")
    String dataSourceFactory_target() default DataSourceSettings.H2_TARGET;
}
