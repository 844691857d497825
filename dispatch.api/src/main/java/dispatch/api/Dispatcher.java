package dispatch.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A group of related handlers, published by a command module as an OSGi service (usually a
 * Declarative Services component). The runtime collects every dispatcher and calls
 * {@link #registerAll(Registrar)} once per service registration.
 *
 * <p>Set-up and teardown are the component's own activate and deactivate: a handler must
 * cancel everything it started when its component is deactivated.
 */
@ConsumerType
public interface Dispatcher {

    /**
     * The service property that names the module, e.g. {@code dispatch.module=clock}. Set it
     * as a component property so that the boot barrier can tell why a required module is
     * missing (which component of which bundle is not satisfied) before it registers.
     */
    String MODULE_PROPERTY = "dispatch.module";

    /**
     * The module's name, e.g. {@code "clock"}. The boot barrier waits for required modules by
     * this name, and a module may only claim IDs in its own range of {@link IdRange} (or
     * custom IDs, 256 and up).
     */
    String moduleName();

    /** Registers one handler per command ID of this module. */
    void registerAll(Registrar registrar);
}
