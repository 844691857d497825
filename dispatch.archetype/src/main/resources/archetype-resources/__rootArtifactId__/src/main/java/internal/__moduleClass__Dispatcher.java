package ${package}.internal;

import ${package}.api.Greet;
import dispatch.api.DispatchException;
import dispatch.api.DispatchModule;
import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import org.osgi.service.component.annotations.Component;

/**
 * Publishes the '${moduleName}' module: one annotation names it for the runtime, DS and bnd.
 * A greeting is computed at once, so the handler completes on the calling thread; work that
 * blocks or waits belongs on a thread of the module's own, stopped in its deactivate.
 */
@Component
@DispatchModule("${moduleName}")
public final class ${moduleClass}Dispatcher implements Dispatcher {

    @Override
    public void registerAll(Registrar registrar) {
        registrar.register(Greet.ID, Greet.class, (context, greet, tag, receiver) -> receiver.complete(tag, greeting(greet)));
    }

    /** Bad input is an error result the process can tell by its code, never a crash. */
    static String greeting(Greet greet) {
        String name = greet.name();
        if (name == null || name.isBlank() || name.length() > Greet.MAX_NAME) {
            throw new DispatchException(DispatchException.INVALID_ARGUMENT,
                    "a name of 1 to " + Greet.MAX_NAME + " characters, not blank, was expected: " + name);
        }
        return "Hello, " + name.strip() + "!";
    }
}
