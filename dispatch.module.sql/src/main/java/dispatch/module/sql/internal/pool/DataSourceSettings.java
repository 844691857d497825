package dispatch.module.sql.internal.pool;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * A datasource's settings, read from its configuration. {@link #toString()} and
 * {@link #maskedUrl()} never show the password.
 */
public final class DataSourceSettings {

    /** The reference target that selects H2's {@code DataSourceFactory}. */
    public static final String H2_TARGET = "(osgi.jdbc.driver.class=org.h2.Driver)";
    /** What a password is shown as. */
    public static final String MASK = "****";

    /** {@code DataSourceFactory} properties passed on from the configuration as they are. */
    private static final Set<String> FACTORY_KEYS = Set.of(
            DataSourceFactory.JDBC_DATABASE_NAME, DataSourceFactory.JDBC_DATASOURCE_NAME,
            DataSourceFactory.JDBC_DESCRIPTION, DataSourceFactory.JDBC_NETWORK_PROTOCOL,
            DataSourceFactory.JDBC_PORT_NUMBER, DataSourceFactory.JDBC_ROLE_NAME, DataSourceFactory.JDBC_SERVER_NAME);
    private static final String DRIVER_PREFIX = "jdbc.";
    private static final Pattern URL_SECRET = Pattern.compile("(?i)((?:password|pwd)\\s*=)[^;&]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@]+:)[^@/]*@");

    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final int poolSize;
    private final long connectionTimeoutMillis;
    private final long idleTimeoutMillis;
    private final long maxLifetimeMillis;
    private final int queryTimeoutSeconds;
    private final int maxRows;
    private final int fetchSize;
    private final boolean verifyResultShape;
    private final Properties factoryProperties;

    private DataSourceSettings(Builder b) {
        if (b.name == null || b.name.isBlank()) {
            throw new IllegalArgumentException("a datasource needs a name");
        }
        if (b.poolSize < 1) {
            throw new IllegalArgumentException("datasource " + b.name + ": pool.size must be at least 1, not " + b.poolSize);
        }
        this.name = b.name.trim();
        this.url = b.url == null ? "" : b.url.trim();
        this.user = b.user == null ? "" : b.user;
        this.password = b.password == null ? "" : b.password;
        this.poolSize = b.poolSize;
        this.connectionTimeoutMillis = Math.max(250, b.connectionTimeoutMillis);
        this.idleTimeoutMillis = Math.max(0, b.idleTimeoutMillis);
        this.maxLifetimeMillis = Math.max(0, b.maxLifetimeMillis);
        this.queryTimeoutSeconds = Math.max(0, b.queryTimeoutSeconds);
        this.maxRows = b.maxRows > 0 ? b.maxRows : Integer.MAX_VALUE - 1;
        this.fetchSize = Math.max(0, b.fetchSize);
        this.verifyResultShape = b.verifyResultShape;
        Properties factory = new Properties();
        factory.putAll(b.extra);
        if (!url.isEmpty()) {
            factory.setProperty(DataSourceFactory.JDBC_URL, url);
        }
        if (!user.isEmpty()) {
            factory.setProperty(DataSourceFactory.JDBC_USER, user);
        }
        if (!password.isEmpty()) {
            factory.setProperty(DataSourceFactory.JDBC_PASSWORD, password);
        }
        if (!factory.containsKey(DataSourceFactory.JDBC_URL) && !factory.containsKey(DataSourceFactory.JDBC_DATABASE_NAME)) {
            throw new IllegalArgumentException("datasource " + name + ": give a url or a databaseName");
        }
        this.factoryProperties = factory;
    }

    /** The settings of a configuration: the typed view and every property (for the driver's own). */
    public static DataSourceSettings of(DataSourceConfig config, Map<String, ?> properties) {
        return from(config, properties).build();
    }

    /** A builder filled from a configuration, to adjust before {@link Builder#build()}. */
    public static Builder from(DataSourceConfig config, Map<String, ?> properties) {
        Builder builder = builder(config.name())
                .url(config.url())
                .user(config.user())
                .password(config._password())
                .poolSize(config.pool_size())
                .connectionTimeoutMillis(config.connection_timeout_millis())
                .idleTimeoutMillis(config.idle_timeout_millis())
                .maxLifetimeMillis(config.max_lifetime_millis())
                .queryTimeoutSeconds(config.query_timeout_seconds())
                .maxRows(config.max_rows())
                .fetchSize(config.fetch_size())
                .verifyResultShape(config.verify_result_shape());
        for (Map.Entry<String, ?> entry : properties.entrySet()) {
            String key = entry.getKey();
            if (FACTORY_KEYS.contains(key)) {
                builder.factoryProperty(key, String.valueOf(entry.getValue()));
            } else if (key.startsWith(DRIVER_PREFIX) && key.length() > DRIVER_PREFIX.length()) {
                builder.factoryProperty(key.substring(DRIVER_PREFIX.length()), String.valueOf(entry.getValue()));
            }
        }
        return builder;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    /** The URL with any password in it replaced by {@value #MASK}. */
    public String maskedUrl() {
        return mask(url.isEmpty() ? "(" + factoryProperties.getProperty(DataSourceFactory.JDBC_DATABASE_NAME, "") + ")" : url);
    }

    public String user() {
        return user;
    }

    /** Whether a password is set; the password itself only goes to the driver. */
    public boolean hasPassword() {
        return !password.isEmpty();
    }

    public int poolSize() {
        return poolSize;
    }

    public long connectionTimeoutMillis() {
        return connectionTimeoutMillis;
    }

    public long idleTimeoutMillis() {
        return idleTimeoutMillis;
    }

    public long maxLifetimeMillis() {
        return maxLifetimeMillis;
    }

    public int queryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }

    public int maxRows() {
        return maxRows;
    }

    public int fetchSize() {
        return fetchSize;
    }

    /**
     * Whether every query result's metadata is compared with the shape (columns, types) cached
     * for its SQL text, so that a schema change shows at once; when not, a cached shape is used
     * as it is until DDL runs through the module on this datasource.
     */
    public boolean verifyResultShape() {
        return verifyResultShape;
    }

    /** What the driver's {@code DataSourceFactory} gets, password included: never print it. */
    public Properties factoryProperties() {
        Properties copy = new Properties();
        copy.putAll(factoryProperties);
        return copy;
    }

    /** Replaces passwords in a JDBC URL (or any text in that form) with {@value #MASK}. */
    public static String mask(String text) {
        String masked = URL_SECRET.matcher(text).replaceAll("$1" + MASK);
        return URL_USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
    }

    @Override
    public String toString() {
        return "datasource " + name + " [url=" + maskedUrl() + ", user=" + user + ", password="
                + (hasPassword() ? MASK : "(none)") + ", pool.size=" + poolSize
                + (verifyResultShape ? "" : ", verify.result.shape=false") + "]"; // shown when it trades exactness
    }

    /** Builds settings; used by the components and by tests. */
    public static final class Builder {
        private String name;
        private String url;
        private String user;
        private String password;
        private int poolSize = 10;
        private long connectionTimeoutMillis = 30_000;
        private long idleTimeoutMillis = 600_000;
        private long maxLifetimeMillis = 1_800_000;
        private int queryTimeoutSeconds;
        private int maxRows = 10_000;
        private int fetchSize;
        private boolean verifyResultShape = true;
        private final Properties extra = new Properties();

        private Builder(String name) {
            this.name = name;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        public Builder connectionTimeoutMillis(long millis) {
            this.connectionTimeoutMillis = millis;
            return this;
        }

        public Builder idleTimeoutMillis(long millis) {
            this.idleTimeoutMillis = millis;
            return this;
        }

        public Builder maxLifetimeMillis(long millis) {
            this.maxLifetimeMillis = millis;
            return this;
        }

        public Builder queryTimeoutSeconds(int seconds) {
            this.queryTimeoutSeconds = seconds;
            return this;
        }

        public Builder maxRows(int maxRows) {
            this.maxRows = maxRows;
            return this;
        }

        public Builder fetchSize(int fetchSize) {
            this.fetchSize = fetchSize;
            return this;
        }

        public Builder verifyResultShape(boolean verify) {
            this.verifyResultShape = verify;
            return this;
        }

        public Builder factoryProperty(String key, String value) {
            extra.setProperty(key, value);
            return this;
        }

        public DataSourceSettings build() {
            return new DataSourceSettings(this);
        }
    }
}
