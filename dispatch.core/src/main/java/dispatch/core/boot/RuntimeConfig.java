package dispatch.core.boot;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the process runtime, PID {@value RuntimeComponent#PID}. */
@ObjectClassDefinition(name = "dispatch process runtime", description = "Workers, spinning and threads of the process runtime")
public @interface RuntimeConfig {

    @AttributeDefinition(name = "Workers", description = "Worker threads for step processes; 0 or less means one per core")
    int workers() default 0;

    @AttributeDefinition(name = "Spin iterations", description = "How often an idle worker looks for work before it parks")
    int spin_iterations() default 20_000;

    @AttributeDefinition(name = "Spin time (µs)", description = "The longest an idle worker spins before it parks")
    long spin_micros() default 50;

    @AttributeDefinition(name = "Steps per slice", description = "Steps a process runs in a row before others get a turn")
    int steps_per_slice() default 64;

    @AttributeDefinition(name = "Virtual threads", description = "Run blocking processes and Exec tasks on virtual threads where the JVM has them")
    boolean virtual_threads() default true;

    @AttributeDefinition(name = "Blocking pool size", description = "Platform threads of each fallback pool (blocking processes, Exec tasks) when virtual threads are not used")
    int blocking_pool_size() default 64;

    @AttributeDefinition(name = "Module leave grace (ms)", description = "When a module leaves (stops, is updated),"
            + " how long its handlers may still complete the yields they were given before those fail with module-left")
    long module_leave_grace_ms() default 2_000;

    @AttributeDefinition(name = "Shutdown timeout (ms)", description = "How long stopping waits for processes to end")
    long shutdown_timeout_millis() default 10_000;
}
