package dispatch.module.sql.internal.pool;

/** Service properties every datasource component carries. */
final class DataSourceProperties {

    /** Marks the datasources of the sql module among other {@code javax.sql.DataSource} services. */
    static final String MARKER = "dispatch.sql.datasource=true";

    private DataSourceProperties() {
    }
}
