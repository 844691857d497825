package dispatch.module.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One named store: a factory configuration of PID {@value StoreDefinition#FACTORY_PID}. */
@ObjectClassDefinition(name = "dispatch store", description = "a named key-value store of the store module")
public @interface StoreConfig {

    @AttributeDefinition(description = "the name commands give")
    String name();

    @AttributeDefinition(description = "where the entries live", options = {
            @Option(label = "memory: bounded, gone when the store stops", value = "memory"),
            @Option(label = "sql: a table of a sql module datasource", value = "sql") })
    String type() default "memory";

    @AttributeDefinition(description = "the largest value in bytes (a string counts its UTF-8 bytes)", min = "0")
    int max_value_bytes() default 1 << 20;

    @AttributeDefinition(description = "memory: the most entries the store holds", min = "1")
    long max_entries() default 100_000;

    @AttributeDefinition(description = "memory: the most bytes of keys and values the store holds", min = "1")
    long max_bytes() default 64L << 20;

    @AttributeDefinition(description = "sql: the name of the datasource (the sql module's DataSource service property name)")
    String datasource() default "default";

    @AttributeDefinition(description = "sql: the table, created if missing; default dispatch_store_<name>", required = false)
    String table() default "";
}
