package dispatch.module.http.internal;

import static org.junit.Assert.assertEquals;

import dispatch.api.Command;
import dispatch.api.Handler;
import dispatch.api.Registrar;
import dispatch.module.http.HttpFailure;
import dispatch.module.http.Request;
import dispatch.module.http.Response;
import dispatch.testing.YieldProbe;
import java.util.HashMap;
import java.util.Map;
import org.junit.After;

/**
 * Runs the http module's handlers as the runtime would, without OSGi: the dispatcher is made
 * from a configuration, registers its handlers, and every yield is a {@link YieldProbe}.
 */
abstract class ModuleTestSupport {

    private final Map<Integer, Handler> handlers = new HashMap<>();
    private HttpDispatcher dispatcher;

    /** Activates the module with the given properties (dotted names, as in ConfigAdmin). */
    void start(Map<String, ?> properties) {
        stop();
        handlers.clear();
        dispatcher = new HttpDispatcher(Configs.of(properties));
        Registrar registrar = (id, name, handler) -> handlers.put(id, handler);
        dispatcher.registerAll(registrar);
    }

    void start() {
        start(Map.of());
    }

    /** The module behind the dispatcher. */
    HttpModule module() {
        return dispatcher.module();
    }

    /** The limiter of the current configuration. */
    Limiter currentLimiter() {
        return module().engine().limiter;
    }

    /** Applies a new configuration as ConfigAdmin would. */
    void reconfigure(Map<String, ?> properties) {
        dispatcher.modified(Configs.of(properties));
    }

    @After
    public void stop() {
        if (dispatcher != null) {
            dispatcher.deactivate();
            dispatcher = null;
        }
    }

    /** Yields a command; an exception from the handler becomes the error result, as in the runtime. */
    YieldProbe dispatch(Command<?> command) {
        Handler handler = handlers.get(command.id());
        if (handler == null) {
            throw new AssertionError("no handler for " + command.id());
        }
        return new YieldProbe().yieldTo(handler, command);
    }

    /** The {@link HttpFailure} that {@code yield} failed with, which must be of {@code kind}. */
    static HttpFailure failure(YieldProbe yield, HttpFailure.Kind kind) {
        HttpFailure failure = yield.error(HttpFailure.class);
        assertEquals("kind of " + failure.getMessage(), kind, failure.kind());
        return failure;
    }

    /** Yields a request and returns its response, checking that the yield got exactly one result. */
    Response call(Request request) throws Exception {
        YieldProbe yield = dispatch(request);
        Response response = yield.value();
        yield.assertCompletedOnce();
        return response;
    }

    static Map<String, Object> config(Object... keysAndValues) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
