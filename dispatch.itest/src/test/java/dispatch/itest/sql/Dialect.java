package dispatch.itest.sql;

import java.util.Locale;

/** What differs between the databases the SQL suite runs on. */
public enum Dialect {
    H2("org.h2.Driver", "VARBINARY(16)",
            "SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000000) a, SYSTEM_RANGE(1, 100000000) b",
            "SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()", false),
    POSTGRESQL("org.postgresql.Driver", "BYTEA", "SELECT pg_sleep(60)", "SHOW transaction_isolation", true);

    /** The driver class its {@code DataSourceFactory} service names. */
    public final String driverClass;
    /** A column type for a few bytes. */
    public final String binaryType;
    /** A query that runs far longer than any test waits. */
    public final String endlessQuery;
    /** A query for the current transaction's isolation level. */
    public final String isolationQuery;
    /** Whether a read-only transaction refuses writes. */
    public final boolean enforcesReadOnly;

    Dialect(String driverClass, String binaryType, String endlessQuery, String isolationQuery, boolean enforcesReadOnly) {
        this.driverClass = driverClass;
        this.binaryType = binaryType;
        this.endlessQuery = endlessQuery;
        this.isolationQuery = isolationQuery;
        this.enforcesReadOnly = enforcesReadOnly;
    }

    /** The reference target that selects the driver's {@code DataSourceFactory}. */
    public String factoryTarget() {
        return "(osgi.jdbc.driver.class=" + driverClass + ")";
    }

    /** The isolation level as {@link #isolationQuery} spells it, e.g. {@code READ COMMITTED} / {@code read committed}. */
    public String isolationName(String level) {
        String spaced = level.replace('_', ' ');
        return this == H2 ? spaced : spaced.toLowerCase(Locale.ROOT);
    }
}
