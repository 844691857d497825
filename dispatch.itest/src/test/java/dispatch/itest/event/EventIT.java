package dispatch.itest.event;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.itest.support.DispatchOptions;
import dispatch.itest.support.DispatchTestSupport;
import dispatch.itest.support.Processes;
import dispatch.itest.support.Services;
import dispatch.module.event.Overflow;
import dispatch.module.event.Publish;
import dispatch.module.event.Published;
import dispatch.module.event.Subscribe;
import dispatch.module.event.TopicEvent;
import dispatch.testing.DispatchTesting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The event module in a real Felix with the real runtime and Felix EventAdmin: events both ways
 * across the bridge, a thousand subscribers with slow ones whose deliveries and drops add up
 * exactly, and subscriptions that end with their process.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class EventIT extends DispatchTestSupport {

    private static final long TIMEOUT = Services.TIMEOUT_MILLIS;
    private static final String BRIDGE = "(component.name=dispatch.module.event.internal.EventAdminBridge)";

    private ProcessRuntime runtime;

    @Configuration
    public Option[] config() {
        return DispatchOptions.runtime();
    }

    @Before
    public void ready() {
        awaitReady();
        runtime = Services.await(context, ProcessRuntime.class, null);
    }

    private void configureBridge(String[] in, String[] out) throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, in);
        properties.put("out.topics", out);
        configure("dispatch.module.event.eventadmin", properties);
        Services.await(context, EventHandler.class, BRIDGE);
    }

    /** A process that subscribes, says so, then hands every event it receives to {@code into} until {@code count}. */
    private Processes.Spawned<Void> collector(String pattern, int count, BlockingQueue<TopicEvent> into,
            CountDownLatch subscribed) {
        return Processes.spawn(runtime, ctx -> {
            ctx.call(new Subscribe(pattern, 100, Overflow.FAIL_PUBLISH));
            subscribed.countDown();
            for (int i = 0; i < count; i++) {
                into.add((TopicEvent) ctx.receive(Duration.ofMillis(TIMEOUT)).orElseThrow());
            }
            return null;
        });
    }

    @Test
    public void anEventAdminEventReachesSubscribingProcessesAndABridgedOneDoesNotComeBack() throws Exception {
        configureBridge(new String[] {"orders/*"}, new String[] {"shipments/*"});
        BlockingQueue<TopicEvent> got = new LinkedBlockingQueue<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        Processes.Spawned<Void> subscriber = collector("orders/*", 2, got, subscribed);
        assertTrue(subscribed.await(TIMEOUT, TimeUnit.MILLISECONDS));

        EventAdmin eventAdmin = Services.await(context, EventAdmin.class, null);
        // one that crossed from dispatch already is not let back in; the order of one poster is kept
        eventAdmin.postEvent(new org.osgi.service.event.Event("orders/created", Map.of("id", 1, "dispatch.bridged", true)));
        eventAdmin.postEvent(new org.osgi.service.event.Event("orders/created", Map.of("id", 2)));
        eventAdmin.postEvent(new org.osgi.service.event.Event("orders/eu/cancelled", Map.of("id", 3)));
        subscriber.await();

        TopicEvent first = got.poll();
        assertEquals("orders/created", first.topic());
        assertEquals(Map.of("id", 2), first.payload());
        assertEquals("from EventAdmin, not from a process", 0, first.publisher());
        TopicEvent second = got.poll();
        assertEquals("orders/eu/cancelled", second.topic());
        assertEquals(Map.of("id", 3), second.payload());
    }

    @Test
    public void aProcessEventReachesEventHandlerServices() throws Exception {
        configureBridge(new String[0], new String[] {"shipments/*"});
        BlockingQueue<org.osgi.service.event.Event> handled = new LinkedBlockingQueue<>();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(EventConstants.EVENT_TOPIC, new String[] {"shipments/*", "orders/*"});
        ServiceRegistration<EventHandler> handler = context.registerService(EventHandler.class, handled::add,
                properties);
        try {
            long pid = Processes.call(runtime, ctx -> {
                ctx.call(new Publish("orders/internal", "not configured to go out"));
                ctx.call(new Publish("shipments/sent", Map.of("parcel", "p-1")));
                ctx.call(new Publish("shipments/held", "text"));
                return ctx.pid();
            });
            org.osgi.service.event.Event sent = handled.poll(TIMEOUT, TimeUnit.MILLISECONDS);
            assertNotNull(sent);
            assertEquals("the unconfigured topic stayed inside; order kept", "shipments/sent", sent.getTopic());
            assertEquals("p-1", sent.getProperty("parcel"));
            assertEquals(pid, sent.getProperty(Publish.PUBLISHER_PROPERTY));
            org.osgi.service.event.Event held = handled.poll(TIMEOUT, TimeUnit.MILLISECONDS);
            assertNotNull(held);
            assertEquals("shipments/held", held.getTopic());
            assertEquals("text", held.getProperty(Publish.PAYLOAD_PROPERTY));
        } finally {
            handler.unregister();
        }
    }

    @Test
    public void withoutEventAdminTheBridgeGoesAndTheModuleWorksOn() throws Exception {
        configureBridge(new String[] {"orders/*"}, new String[] {"orders/*"});
        Services.awaitGone(context, EventHandler.class, BRIDGE, () -> bundle("org.apache.felix.eventadmin").stop());
        Published published = Processes.call(runtime, ctx -> {
            ctx.call(new Subscribe("orders/*", 10, Overflow.DROP_OLDEST));
            Published result = ctx.call(new Publish("orders/created", "still served"));
            TopicEvent event = (TopicEvent) ctx.receive(Duration.ofMillis(TIMEOUT)).orElseThrow();
            assertEquals("still served", event.payload());
            return result;
        });
        assertEquals(new Published(1, 0), published);
    }

    /** What one subscriber saw: how many events, the last one's payload and drop count. */
    private record Seen(int received, Object last, long dropped) {
    }

    /** A step process that subscribes, then takes every event as it comes, until the one with payload {@code last}. */
    private static final class FastSubscriber implements StepProcess {
        private final Subscribe subscribe;
        private final CountDownLatch subscribed;
        private final Object last;
        final CompletableFuture<Seen> seen = new CompletableFuture<>();
        private int received;
        private boolean started;

        FastSubscriber(Subscribe subscribe, CountDownLatch subscribed, Object last) {
            this.subscribe = subscribe;
            this.subscribed = subscribed;
            this.last = last;
        }

        @Override
        public Status step(Events events, StepOutput output) {
            if (!started) {
                started = true;
                output.yield(subscribe);
            }
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                if (event.kind() == Event.Kind.RESULT) {
                    subscribed.countDown();
                } else if (event.value() instanceof TopicEvent topicEvent) {
                    received++;
                    if (topicEvent.payload().equals(last)) {
                        seen.complete(new Seen(received, last, topicEvent.dropped()));
                        return Status.DONE;
                    }
                }
            }
            return Status.WAIT;
        }
    }

    @Test
    public void aThousandSubscribersWithSlowOnesCountDeliveriesAndDropsExactly() throws Exception {
        int fast = 990;
        int slow = 10; // blocking processes, each holding a pool thread on JDK 17 while it does not take
        int events = 50;
        int slowBound = 5;
        CountDownLatch subscribed = new CountDownLatch(fast + slow);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Seen>> subscribers = new ArrayList<>();
        for (int i = 0; i < fast; i++) {
            FastSubscriber subscriber = new FastSubscriber(
                    new Subscribe(i % 2 == 0 ? "load/*" : "*", 10, Overflow.DROP_OLDEST), subscribed, events);
            runtime.spawn(subscriber);
            subscribers.add(subscriber.seen);
        }
        for (int i = 0; i < slow; i++) {
            subscribers.add(Processes.spawn(runtime, ctx -> {
                ctx.call(new Subscribe("load/a/*", slowBound, Overflow.DROP_OLDEST));
                subscribed.countDown();
                assertTrue(release.await(TIMEOUT, TimeUnit.MILLISECONDS)); // takes nothing until then
                int received = 0;
                while (true) {
                    TopicEvent event = (TopicEvent) ctx.receive(Duration.ofMillis(TIMEOUT)).orElseThrow();
                    received++;
                    if (event.payload().equals(events)) {
                        return new Seen(received, event.payload(), event.dropped());
                    }
                }
            }).outcome());
        }
        assertTrue(subscribed.await(TIMEOUT, TimeUnit.MILLISECONDS));
        int accepted = Processes.call(runtime, ctx -> {
            int total = 0;
            for (int i = 1; i <= events; i++) {
                total += ctx.call(new Publish("load/a/" + (i % 3 == 0 ? "x/y" : "x"), i)).subscribers();
            }
            return total;
        });
        assertEquals("every subscription took every event", (fast + slow) * events, accepted);
        release.countDown();

        long delivered = 0;
        long dropped = 0;
        for (int i = 0; i < subscribers.size(); i++) {
            Seen seen = subscribers.get(i).get(TIMEOUT, TimeUnit.MILLISECONDS);
            assertEquals("subscriber " + i + ": delivered + dropped", events, seen.received() + seen.dropped());
            if (i >= fast) {
                assertEquals("a slow one: the one in its mailbox and its bound", 1 + slowBound, seen.received());
            }
            delivered += seen.received();
            dropped += seen.dropped();
        }
        DispatchTesting.awaitNoProcesses(runtime, Duration.ofSeconds(20));
        long[] total = totals(shell("event:topics"));
        assertEquals("published", events, total[1]);
        assertEquals("delivered", delivered, total[2]);
        assertEquals("dropped", dropped, total[3]);
        assertEquals("discarded", 0, total[5]);
        assertTrue(dropped >= slow * (events - 1 - slowBound));
    }

    @Test
    public void aProcessSubscriptionsEndWithItAndAreCounted() throws Exception {
        int processes = 10;
        for (int i = 0; i < processes; i++) {
            Processes.call(runtime, ctx -> {
                ctx.call(new Subscribe("audit/*", 10, Overflow.DROP_OLDEST));
                ctx.call(new Subscribe("audit/" + ctx.pid(), 10, Overflow.FAIL_PUBLISH));
                return null;
            });
        }
        DispatchTesting.awaitNoProcesses(runtime, Duration.ofSeconds(20));
        Published published = Processes.call(runtime, ctx -> ctx.call(new Publish("audit/x", "late")));
        assertEquals(0, published.subscribers());
        String topics = shell("event:topics");
        assertTrue(topics, topics.contains("subscriptions ended with their process: " + 2 * processes));
        assertEquals(topics, 0, totals(topics)[0]);
    }

    /** The totals row of {@code event:topics}: subscribers, published, delivered, dropped, refused, discarded. */
    private static long[] totals(String topics) {
        for (String line : topics.split("\\R")) {
            if (line.startsWith("(all, since start)")) {
                String[] columns = line.substring("(all, since start)".length()).trim().split("\\s+");
                long[] values = new long[columns.length];
                for (int i = 0; i < columns.length; i++) {
                    values[i] = Long.parseLong(columns[i]);
                }
                return values;
            }
        }
        throw new AssertionError("no totals in:\n" + topics);
    }
}
