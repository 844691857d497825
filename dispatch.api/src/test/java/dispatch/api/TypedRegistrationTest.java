package dispatch.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class TypedRegistrationTest {

    record Get(String key) implements Command<String> {
        @Override
        public int id() {
            return 1001;
        }
    }

    /** Yielded with Get's ID by a process that built its own command. */
    record Impostor() implements Command<String> {
        @Override
        public int id() {
            return 1001;
        }
    }

    @DispatchModule("kv")
    static final class Annotated implements Dispatcher {
        @Override
        public void registerAll(Registrar registrar) {
        }
    }

    static final class Unnamed implements Dispatcher {
        @Override
        public void registerAll(Registrar registrar) {
        }
    }

    private final Map<String, Handler> handlers = new LinkedHashMap<>();
    private final Registrar registrar = (id, name, handler) -> handlers.put(id + " " + name, handler);
    private final List<Object> seen = new ArrayList<>();

    @Test
    public void aTypedHandlerGetsItsCommandTypedAndIsNamedAfterTheType() throws Exception {
        registrar.register(1001, Get.class, (context, get, tag, receiver) -> seen.add(get.key()));
        Get get = new Get("greeting");

        handlers.get("1001 Get").handle(null, get, 7, null);

        assertEquals(List.of("greeting"), seen);
    }

    @Test
    public void aTypedHandlerMayBeNamedExplicitly() {
        registrar.register(1001, "KvGet", Get.class, (context, get, tag, receiver) -> { });
        assertEquals(List.of("1001 KvGet"), List.copyOf(handlers.keySet()));
    }

    @Test
    public void aCommandOfAnotherTypeIsAnInvalidArgumentAndNeverReachesTheHandler() {
        registrar.register(1001, Get.class, (context, get, tag, receiver) -> seen.add(get));

        DispatchException wrong = assertThrows(DispatchException.class,
                () -> handlers.get("1001 Get").handle(null, new Impostor(), 7, null));

        assertEquals(DispatchException.INVALID_ARGUMENT, wrong.code());
        assertEquals("command ID 1001 expects a " + Get.class.getName() + ", got a " + Impostor.class.getName(),
                wrong.getMessage());
        DispatchException none = assertThrows(DispatchException.class,
                () -> handlers.get("1001 Get").handle(null, null, 8, null));
        assertTrue(none.getMessage(), none.getMessage().endsWith(", got null"));
        assertEquals(List.of(), seen);
    }

    @Test
    public void aTypedHandlerMayTakeASupertype() throws Exception {
        TypedHandler<Command<?>> any = (context, command, tag, receiver) -> seen.add(command);
        registrar.register(1001, Get.class, any);
        Get get = new Get("k");

        handlers.get("1001 Get").handle(null, get, 7, null);

        assertSame(get, seen.get(0));
    }

    @Test
    public void aMissingHandlerIsLeftForTheRegistryToRefuse() {
        registrar.register(1001, Get.class, null);
        assertNull(handlers.get("1001 Get"));
        assertTrue(handlers.containsKey("1001 Get"));
    }

    @Test
    public void theModuleNameIsReadFromTheAnnotation() {
        assertEquals("kv", new Annotated().moduleName());
        assertNull("no annotation, no name: the runtime refuses it", new Unnamed().moduleName());
    }
}
