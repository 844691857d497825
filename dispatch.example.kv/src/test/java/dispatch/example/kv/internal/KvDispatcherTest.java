package dispatch.example.kv.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Handler;
import dispatch.example.kv.api.Delete;
import dispatch.example.kv.api.Get;
import dispatch.example.kv.api.Keys;
import dispatch.example.kv.api.Put;
import dispatch.testing.YieldProbe;
import java.lang.annotation.Annotation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * The handlers as the runtime calls them, through the yields of {@code dispatch.testing}; the
 * module in a real framework is tested by dispatch.itest.
 */
public class KvDispatcherTest {

    private final Map<Integer, Handler> handlers = new HashMap<>();

    public KvDispatcherTest() {
        new KvDispatcher(config(3, 10)).registerAll((id, name, handler) -> handlers.put(id, handler));
    }

    // guide:unit-test
    /** Yields {@code command} to its handler as the runtime would, and returns the value it completes the yield with. */
    private Object handle(Command<?> command) {
        YieldProbe yield = new YieldProbe().yieldTo(handlers.get(command.id()), command);
        Object value = yield.value(); // an error result is thrown, e.g. a DispatchException
        yield.assertCompletedOnce();
        return value;
    }
    // end:unit-test

    @Test
    public void putGetDeleteAndKeys() {
        assertNull(handle(new Put("a.1", "x")));
        assertEquals("x", handle(new Put("a.1", "y")));
        handle(new Put("a.2", "z"));
        handle(new Put("b.1", "w"));
        assertEquals("y", handle(new Get("a.1")));
        assertEquals(List.of("a.1", "a.2"), handle(new Keys("a.")));
        assertEquals(true, handle(new Delete("a.1")));
        assertEquals(false, handle(new Delete("a.1")));
        assertNull(handle(new Get("a.1")));
    }

    @Test
    public void badInputIsAnInvalidArgument() {
        DispatchException tooLong = assertThrows(DispatchException.class, () -> handle(new Put("k", "0123456789-")));
        assertEquals(DispatchException.INVALID_ARGUMENT, tooLong.code());
        assertTrue(assertThrows(DispatchException.class, () -> handle(new Get(null))).getMessage().contains("null"));
    }

    @Test
    public void aCommandOfAnotherTypeWithAKvIdIsAnInvalidArgument() {
        Command<String> impostor = () -> Get.ID;
        DispatchException wrong = assertThrows(DispatchException.class, () -> handle(impostor));
        assertEquals(DispatchException.INVALID_ARGUMENT, wrong.code());
        assertTrue(wrong.getMessage(), wrong.getMessage().startsWith("command ID 1001 expects a " + Get.class.getName()));
    }

    @Test
    public void theModuleIsNamedByItsAnnotation() {
        assertEquals("kv", new KvDispatcher(config(3, 10)).moduleName());
    }

    @Test
    public void aFullStoreRefusesNewKeysButTakesUpdates() {
        handle(new Put("1", "a"));
        handle(new Put("2", "b"));
        handle(new Put("3", "c"));
        assertTrue(assertThrows(DispatchException.class, () -> handle(new Put("4", "d"))).getMessage().contains("full"));
        assertEquals("c", handle(new Put("3", "C")));
    }

    private static KvConfig config(int maxEntries, int maxLength) {
        return new KvConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return KvConfig.class;
            }

            @Override
            public int max_entries() {
                return maxEntries;
            }

            @Override
            public int max_length() {
                return maxLength;
            }
        };
    }
}
