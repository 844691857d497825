package dispatch.api.shell;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Publishes a component's public methods as Gogo shell commands: a Declarative Services
 * component property type for the {@code osgi.command.scope} and {@code osgi.command.function}
 * service properties Gogo looks for, so that a misspelt property name is a compile error.
 *
 * <pre>
 * &#64;Component(service = KvCommands.class)
 * &#64;GogoCommand(scope = "kv", function = {"put", "get"})
 * public final class KvCommands { ... }
 * </pre>
 *
 * The component does not need Gogo to be there: without a shell the service is just not used.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@ComponentPropertyType
public @interface GogoCommand {

    /** Prefixes the element names: {@code scope} becomes {@code osgi.command.scope}. */
    String PREFIX_ = "osgi.command.";

    /** The scope, the part before the colon: {@code kv} in {@code kv:put}. */
    String scope();

    /** The commands, each the name of a public method of the component. */
    String[] function();
}
