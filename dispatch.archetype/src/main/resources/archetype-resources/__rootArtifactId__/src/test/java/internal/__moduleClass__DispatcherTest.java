package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ${package}.api.Greet;
import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Handler;
import dispatch.testing.YieldProbe;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handler as the runtime calls it, without a framework: each yield is a {@link YieldProbe}. */
class ${moduleClass}DispatcherTest {

    private final Map<Integer, Handler> handlers = new HashMap<>();

    ${moduleClass}DispatcherTest() {
        new ${moduleClass}Dispatcher().registerAll((id, name, handler) -> handlers.put(id, handler));
    }

    /** Yields {@code command} to its handler and returns the value it completed the yield with. */
    private Object handle(Command<?> command) {
        YieldProbe yield = new YieldProbe().yieldTo(handlers.get(command.id()), command);
        Object value = yield.value(); // an error result is thrown, e.g. a DispatchException
        yield.assertCompletedOnce();
        return value;
    }

    @Test
    void greetsByName() {
        assertEquals("Hello, Ada!", handle(new Greet(" Ada ")));
    }

    @Test
    void aBlankNameIsAnInvalidArgument() {
        DispatchException error = assertThrows(DispatchException.class, () -> handle(new Greet(" ")));
        assertEquals(DispatchException.INVALID_ARGUMENT, error.code());
    }

    @Test
    void theModuleIsNamedByItsAnnotation() {
        assertEquals("${moduleName}", new ${moduleClass}Dispatcher().moduleName());
    }
}
