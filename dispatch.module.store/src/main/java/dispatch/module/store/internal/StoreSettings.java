package dispatch.module.store.internal;

/**
 * What defines a store, from its configuration ({@link StoreConfig}) or given directly outside a
 * framework (benchmarks).
 *
 * @param type       {@code memory} or {@code sql}
 * @param datasource sql: the datasource's name
 * @param table      sql: the table; empty for {@code dispatch_store_<name>}
 */
public record StoreSettings(String name, String type, int maxValueBytes, long maxEntries, long maxBytes,
        String datasource, String table) {

    static StoreSettings of(StoreConfig config) {
        return new StoreSettings(config.name(), config.type(), config.max_value_bytes(), config.max_entries(),
                config.max_bytes(), config.datasource(), config.table());
    }

    /** A memory store with the default bounds. */
    public static StoreSettings memory(String name) {
        StoreLimits limits = StoreLimits.DEFAULTS;
        return new StoreSettings(name, "memory", limits.maxValueBytes(), limits.maxEntries(), limits.maxBytes(), "", "");
    }

    /** A sql store on {@code datasource}'s {@code table}, with the default value cap. */
    public static StoreSettings sql(String name, String datasource, String table) {
        StoreLimits limits = StoreLimits.DEFAULTS;
        return new StoreSettings(name, "sql", limits.maxValueBytes(), limits.maxEntries(), limits.maxBytes(),
                datasource, table);
    }

    StoreLimits limits() {
        return new StoreLimits(maxEntries, maxBytes, maxValueBytes);
    }

    /** The sql table: the configured one or {@code dispatch_store_<name>}. */
    String tableName() {
        return table == null || table.isEmpty() ? "dispatch_store_" + name : table;
    }
}
