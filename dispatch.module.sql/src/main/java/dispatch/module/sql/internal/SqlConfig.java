package dispatch.module.sql.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The sql module's own settings, PID {@value SqlDispatcher#PID}. */
@ObjectClassDefinition(name = "dispatch SQL module")
public @interface SqlConfig {

    @AttributeDefinition(description = "run JDBC on virtual threads where the JVM has them (else pools sized to each datasource)")
    boolean virtual_threads() default true;

    @AttributeDefinition(description = "run the SQL of a process that only waits for it (ProcessContext.call) on the "
            + "process's own thread, sparing two thread hand-overs; never for embedded H2 file databases")
    boolean caller_runs() default true;
}
