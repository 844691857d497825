package dispatch.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names the module a {@link Dispatcher} class provides, once for everything that needs the name:
 * <ul>
 * <li>as a Declarative Services component property type it sets the service property
 * {@value Dispatcher#MODULE_PROPERTY}{@code =<name>} (DS derives the property name from the
 * annotation's name), which the boot barrier matches in the SCR DTOs to say why a required
 * module's component is not there;</li>
 * <li>as a bundle annotation it makes bnd write the bundle capability
 * {@code dispatch.module;dispatch.module=<name>}, by which the barrier finds the bundle of a
 * missing module and says that it is not active;</li>
 * <li>it is kept at run time, and {@link Dispatcher#moduleName()} reads it.</li>
 * </ul>
 *
 * <pre>
 * &#64;Component
 * &#64;DispatchModule("kv")
 * public final class KvDispatcher implements Dispatcher { ... }
 * </pre>
 *
 * @since 1.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ComponentPropertyType
@Capability(namespace = Dispatcher.MODULE_PROPERTY)
public @interface DispatchModule {

    /** The module's name, e.g. {@code "clock"}: what {@code required.modules} lists. */
    @Attribute(Dispatcher.MODULE_PROPERTY)
    String value();
}
