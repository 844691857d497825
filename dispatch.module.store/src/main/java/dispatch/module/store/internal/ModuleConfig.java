package dispatch.module.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The store module's own settings, PID {@value StoreDispatcher#PID}. */
@ObjectClassDefinition(name = "dispatch store module")
public @interface ModuleConfig {

    @AttributeDefinition(description = "how often expired entries are removed, in milliseconds", min = "10")
    long sweep_interval_millis() default 1000;

    @AttributeDefinition(description = "threads for the sql stores' JDBC work", min = "1")
    int jdbc_threads() default 8;

    @AttributeDefinition(description = "sql store commands that may wait for a JDBC thread; more fail with overloaded", min = "1")
    int jdbc_queue() default 10_000;
}
