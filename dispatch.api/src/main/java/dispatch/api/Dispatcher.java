package dispatch.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A group of related handlers, published by a command module as an OSGi service (usually a
 * Declarative Services component). The runtime collects every dispatcher and calls
 * {@link #registerAll(Registrar)} once per service registration.
 *
 * <p>Name the module once, with {@link DispatchModule} on the class:
 *
 * <pre>
 * &#64;Component
 * &#64;DispatchModule("kv")
 * public final class KvDispatcher implements Dispatcher {
 *
 *     &#64;Override
 *     public void registerAll(Registrar registrar) {
 *         registrar.register(Get.ID, Get.class, (context, get, tag, receiver) -&gt; ...);
 *     }
 * }
 * </pre>
 *
 * <p>Set-up and teardown are the component's own activate and deactivate: a handler must
 * cancel everything it started when its component is deactivated.
 */
@ConsumerType
public interface Dispatcher {

    /**
     * The service property that names the module, e.g. {@code dispatch.module=clock}, and the
     * namespace and attribute of the bundle capability that says which bundle provides it.
     * {@link DispatchModule} sets both; the boot barrier reads them to tell why a required
     * module is missing (which bundle is not active, which component is not satisfied) before
     * it registers.
     */
    String MODULE_PROPERTY = "dispatch.module";

    /**
     * The module's name, e.g. {@code "clock"}. The boot barrier waits for required modules by
     * this name, and a module may only claim IDs in its own range of {@link IdRange} (or
     * custom IDs, 256 and up).
     *
     * <p>The default reads the {@link DispatchModule} annotation of the implementation class, at
     * run time rather than from the service property that DS derives from the same annotation:
     * so the name is the same inside a framework and outside one (a unit test or a benchmark
     * that hands a dispatcher to a registry has no service properties), and a dispatcher
     * registered without DS needs no property to be named. Override it only for a dispatcher
     * whose class cannot carry the annotation (an anonymous or generated class); the annotation
     * still gives the bundle capability and the component property the barrier's diagnosis uses.
     *
     * @return the name, or {@code null} when the class has no {@link DispatchModule}: the runtime
     *         then refuses the dispatcher with a message that says so
     */
    default String moduleName() {
        DispatchModule module = getClass().getAnnotation(DispatchModule.class);
        return module == null ? null : module.value();
    }

    /** Registers one handler per command ID of this module. */
    void registerAll(Registrar registrar);
}
