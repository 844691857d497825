package dispatch.core.boot;

import dispatch.api.Readiness;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the boot barrier, PID {@value Readiness#BOOT_PID}. */
@ObjectClassDefinition(name = "dispatch boot barrier",
        description = "Which modules must be registered before the registry freezes and the runtime is ready")
public @interface BootConfig {

    @AttributeDefinition(name = "Required modules",
            description = "Module names; a single value may list several separated by commas")
    String[] required_modules() default {"clock", "sql", "http"};

    @AttributeDefinition(name = "Timeout (seconds)",
            description = "After this long without every required module, the barrier reports what is missing and why")
    long timeout_seconds() default 30;

    @AttributeDefinition(name = "Development mode",
            description = "Custom modules (IDs 256+) may come, go and be updated after the freeze")
    boolean development() default false;
}
