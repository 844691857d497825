package dispatch.bench.event;

import dispatch.api.DispatchModule;
import dispatch.api.Handler;
import dispatch.api.ProcessRef;
import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.bench.StubYieldContext;
import dispatch.core.process.ProcessDispatcher;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.registry.RegistrationRefused;
import dispatch.core.runtime.DispatchRuntime;
import dispatch.core.runtime.RuntimeSettings;
import dispatch.module.event.Overflow;
import dispatch.module.event.Publish;
import dispatch.module.event.Subscribe;
import dispatch.module.event.TopicEvent;
import dispatch.module.event.internal.EventDispatcher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.felix.eventadmin.impl.Configuration;
import org.apache.felix.framework.FrameworkFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * One event to {@code subscribers} subscribers, until every one of them has it: the event module
 * (one Publish handled on the benchmark thread, a message to each subscribing step process on the
 * runtime's workers), Felix EventAdmin's {@code postEvent} to as many {@code EventHandler}s (in an
 * embedded Felix, EventAdmin started on the system bundle's context), and Vert.x's event-bus
 * {@code publish} to as many consumers. Each operation waits for the last arrival, so the figure is
 * the fan-out's latency, delivery to every subscriber included.
 *
 * <p>Dispatch's publisher is the benchmark thread calling the Publish handler with a stub yield
 * context: the yield a process would make around it costs tens of nanoseconds, next to
 * microseconds of fan-out.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventFanOutBench {

    private static final String TOPIC = "bench/fan";
    private static final String PATTERN = "bench/*";

    /** The event module in a runtime, with its subscribers as step processes. */
    @State(Scope.Benchmark)
    public static class DispatchSide {
        @Param("10000")
        int subscribers;

        final Arrivals arrivals = new Arrivals();
        DispatchRuntime runtime;
        EventDispatcher module;
        Handler publish;
        StubYieldContext publisher;
        final ResultReceiver results = (tag, data, error) -> {
            if (error != null) {
                throw new IllegalStateException(error);
            }
            return true;
        };

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            module = new EventDispatcher(subscribers, 16);
            Map<Integer, Handler> handlers = new HashMap<>();
            module.registerAll((id, name, handler) -> handlers.put(id, handler));
            publish = handlers.get(Publish.ID);
            runtime = new DispatchRuntime(registry(module), RuntimeSettings.defaults());
            publisher = new StubYieldContext() {
                @Override
                public ProcessRef process() {
                    return PUBLISHER;
                }
            };
            CountDownLatch subscribed = new CountDownLatch(subscribers);
            for (int i = 0; i < subscribers; i++) {
                runtime.spawn(new Subscriber(subscribed, arrivals));
            }
            if (!subscribed.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException(subscribed.getCount() + " subscribers did not subscribe");
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            runtime.close();
            module.deactivate();
        }

        private static CommandRegistry registry(EventDispatcher module) throws RegistrationRefused {
            CommandRegistry registry = new CommandRegistry();
            registry.register(new Claimant("process", "dispatch.core", 1), new ProcessDispatcher());
            String name = EventDispatcher.class.getAnnotation(DispatchModule.class).value();
            registry.register(new Claimant(name, "dispatch.module.event", 2), module);
            registry.freeze();
            return registry;
        }
    }

    /** The publisher as the Publish handler sees it: a PID, nothing else. */
    private static final ProcessRef PUBLISHER = new ProcessRef() {
        @Override
        public long pid() {
            return Long.MAX_VALUE;
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public boolean send(Object message) {
            return false;
        }

        @Override
        public Subscription onExit(Runnable action) {
            return () -> { };
        }
    };

    /** Subscribes, then counts every event it takes. */
    static final class Subscriber implements StepProcess {
        private final CountDownLatch subscribed;
        private final Arrivals arrivals;
        private boolean started;

        Subscriber(CountDownLatch subscribed, Arrivals arrivals) {
            this.subscribed = subscribed;
            this.arrivals = arrivals;
        }

        @Override
        public Status step(Events events, StepOutput output) {
            if (!started) {
                started = true;
                output.yield(new Subscribe(PATTERN, 16, Overflow.FAIL_PUBLISH));
            }
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                if (event.kind() == Event.Kind.RESULT) {
                    subscribed.countDown();
                } else if (event.value() instanceof TopicEvent) {
                    arrivals.arrived();
                }
            }
            return Status.WAIT;
        }
    }

    /** Felix EventAdmin in an embedded Felix, with its handlers registered on the system bundle. */
    @State(Scope.Benchmark)
    public static class EventAdminSide {
        @Param("10000")
        int subscribers;

        final Arrivals arrivals = new Arrivals();
        Framework framework;
        Configuration eventAdminImpl;
        EventAdmin eventAdmin;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Map<String, String> properties = new HashMap<>();
            properties.put(Constants.FRAMEWORK_STORAGE, Files.createTempDirectory("bench-felix").toString());
            properties.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            properties.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.event;version=1.4.0");
            // no per-handler timeout (default 5 s): its bookkeeping per delivery would dominate the figure
            properties.put("org.apache.felix.eventadmin.Timeout", "0");
            framework = new FrameworkFactory().newFramework(properties);
            framework.start();
            BundleContext context = framework.getBundleContext();
            eventAdminImpl = new Configuration(context); // starts EventAdmin and registers it
            eventAdmin = context.getService(context.getServiceReference(EventAdmin.class));
            EventHandler handler = event -> arrivals.arrived();
            Dictionary<String, Object> topics = new Hashtable<>();
            topics.put(EventConstants.EVENT_TOPIC, PATTERN);
            for (int i = 0; i < subscribers; i++) {
                context.registerService(EventHandler.class, handler, topics);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            eventAdminImpl.destroy();
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    /** Vert.x with its consumers on the event bus, spread over its event loops. */
    @State(Scope.Benchmark)
    public static class VertxSide {
        @Param("10000")
        int subscribers;

        final Arrivals arrivals = new Arrivals();
        Vertx vertx;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            vertx = Vertx.vertx();
            List<Future<Void>> registered = new ArrayList<>();
            for (int i = 0; i < subscribers; i++) {
                MessageConsumer<Object> consumer = vertx.eventBus().consumer(TOPIC, message -> arrivals.arrived());
                registered.add(consumer.completion());
            }
            Future.all(registered).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Benchmark
    public void dispatchPublish(DispatchSide side) throws Exception {
        side.arrivals.expect(side.subscribers);
        side.publish.handle(side.publisher, new Publish(TOPIC, "event"), 0, side.results);
        side.arrivals.await();
    }

    @Benchmark
    public void eventAdminPostEvent(EventAdminSide side) throws InterruptedException {
        side.arrivals.expect(side.subscribers);
        side.eventAdmin.postEvent(new org.osgi.service.event.Event(TOPIC, Map.of("payload", "event")));
        side.arrivals.await();
    }

    @Benchmark
    public void vertxPublish(VertxSide side) throws InterruptedException {
        side.arrivals.expect(side.subscribers);
        side.vertx.eventBus().publish(TOPIC, "event");
        side.arrivals.await();
    }
}
