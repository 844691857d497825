package dispatch.module.event.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Handler;
import dispatch.module.event.OverloadedException;
import dispatch.module.event.Overflow;
import dispatch.module.event.Publish;
import dispatch.module.event.Published;
import dispatch.module.event.Subscribe;
import dispatch.module.event.TopicEvent;
import dispatch.module.event.Unsubscribe;
import dispatch.testing.ProcessProbe;
import dispatch.testing.YieldProbe;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Test;

/**
 * The handlers, driven directly as a worker would through the yields of {@code dispatch.testing}.
 * The subscriber takes its messages explicitly ({@link ProcessProbe#take}), so what it has not
 * taken, and what the bound does with more, is exact.
 */
public class BrokerTest {

    private final Broker broker = new Broker(3, 1000);
    private final ProcessProbe subscriber = new ProcessProbe();
    private final ProcessProbe publisher = new ProcessProbe();
    private final Map<Integer, Handler> handlers = new HashMap<>();

    public BrokerTest() {
        broker.registerAll((id, name, handler) -> handlers.put(id, handler));
    }

    @After
    public void close() {
        broker.close();
    }

    private YieldProbe yieldOf(ProcessProbe from, Command<?> command) {
        return new YieldProbe(from, null, false).yieldTo(handlers.get(command.id()), command);
    }

    private long subscribe(String pattern, int bound, Overflow overflow) {
        return yieldOf(subscriber, new Subscribe(pattern, bound, overflow)).<Long>value();
    }

    private Published publish(String topic, Object payload) {
        return yieldOf(publisher, new Publish(topic, payload)).value();
    }

    private List<TopicEvent> takeAll(ProcessProbe process) {
        List<TopicEvent> taken = new ArrayList<>();
        for (Object message; (message = process.take()) != null; ) {
            taken.add((TopicEvent) message);
        }
        return taken;
    }

    private static List<Object> payloads(List<TopicEvent> events) {
        return events.stream().map(TopicEvent::payload).toList();
    }

    @Test
    public void anEventReachesTheSubscriberAsAMessage() {
        long id = subscribe("orders/created", 10, Overflow.DROP_OLDEST);
        assertEquals(new Published(1, 0), publish("orders/created", "o-1"));
        assertEquals(List.of(new TopicEvent(id, "orders/created", "o-1", publisher.pid(), 0)), takeAll(subscriber));
    }

    @Test
    public void wildcardsMatchAsInEventAdmin() {
        subscribe("orders/*", 10, Overflow.DROP_OLDEST);
        subscribe("*", 10, Overflow.DROP_OLDEST);
        assertEquals(2, publish("orders/eu", 1).subscribers());
        assertEquals(2, publish("orders/eu/created", 2).subscribers());
        assertEquals("orders/* does not match orders itself", 1, publish("orders", 3).subscribers());
        assertEquals(1, publish("ordersx/eu", 4).subscribers());
        assertEquals(List.of(1, 1, 2, 2, 3, 4), payloads(takeAll(subscriber)).stream().sorted().toList());
    }

    @Test
    public void pastTheBoundTheOldestIsDroppedAndTheSubscriberSeesTheCount() {
        subscribe("t", 2, Overflow.DROP_OLDEST);
        for (int i = 1; i <= 5; i++) {
            publish("t", i);
        }
        // 1 went to the mailbox; 2 and 3 waited and were dropped for 4 and 5
        assertEquals(new Published(1, 1), publish("t", 6));
        List<TopicEvent> events = takeAll(subscriber);
        assertEquals(List.of(1, 5, 6), payloads(events));
        assertEquals(List.of(0L, 3L, 3L), events.stream().map(TopicEvent::dropped).toList());
        TopicStats stats = broker.stats().topics().get(0);
        assertEquals(new TopicStats("t", 1, 6, 3, 3, 0, 0), stats);
    }

    @Test
    public void aFullFailPublishSubscriptionFailsThePublishWithOverloaded() {
        subscribe("t", 1, Overflow.FAIL_PUBLISH);
        publish("t", 1);
        publish("t", 2);
        OverloadedException error = yieldOf(publisher, new Publish("t", 3)).error(OverloadedException.class);
        assertEquals(OverloadedException.OVERLOADED, error.code());
        assertEquals(0, error.accepted());
        assertEquals(1, error.refused());
        assertEquals(List.of(1, 2), payloads(takeAll(subscriber)));
        assertEquals("room again once taken", new Published(1, 0), publish("t", 4));
        assertEquals(List.of(4), payloads(takeAll(subscriber)));
    }

    @Test
    public void eventsOfOnePublisherArriveInPublishOrder() {
        subscribe("a/*", 1000, Overflow.FAIL_PUBLISH);
        List<Integer> published = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            publish("a/" + (i % 7), i);
            published.add(i);
        }
        assertEquals(published, payloads(takeAll(subscriber)));
    }

    @Test
    public void aProcessSubscriptionsEndWithItAndAreCounted() {
        subscribe("t", 10, Overflow.DROP_OLDEST);
        subscribe("u/*", 10, Overflow.DROP_OLDEST);
        publish("t", 1);
        publish("t", 2);
        subscriber.exit();
        assertEquals("no exit hook left behind", 0, subscriber.exitHooks());
        EventStats stats = broker.stats();
        assertEquals(2, stats.endedWithProcess());
        assertTrue(stats.topics().isEmpty());
        assertEquals("the one in the mailbox and the one waiting", 2, stats.total().discarded());
        assertEquals(0, publish("t", 3).subscribers());
    }

    @Test
    public void unsubscribeSaysWhatItDiscardedAndStopsTheEvents() {
        long id = subscribe("t", 10, Overflow.DROP_OLDEST);
        publish("t", 1);
        publish("t", 2);
        publish("t", 3);
        assertEquals(2L, (long) yieldOf(subscriber, new Unsubscribe(id)).<Long>value());
        publish("t", 4);
        assertEquals("the one in the mailbox still arrives", List.of(1), payloads(takeAll(subscriber)));
        assertEquals(DispatchException.INVALID_ARGUMENT, yieldOf(subscriber, new Unsubscribe(id))
                .error(DispatchException.class).code());
        assertEquals(0, subscriber.exitHooks());
    }

    @Test
    public void badInputFailsOnlyItsYieldWithInvalidArgument() {
        for (String pattern : new String[] {null, "", "/", "a/", "/a", "a//b", "a*", "a/*/b", "**", "a/b c", "ä"}) {
            assertInvalid(new Subscribe(pattern, 10, Overflow.DROP_OLDEST));
        }
        assertInvalid(new Subscribe("t", 0, Overflow.DROP_OLDEST));
        assertInvalid(new Subscribe("t", -1, Overflow.DROP_OLDEST));
        assertInvalid(new Subscribe("t", 1001, Overflow.DROP_OLDEST));
        assertInvalid(new Subscribe("t", 1, null));
        for (String topic : new String[] {null, "*", "a/*", "a/", "a b"}) {
            assertInvalid(new Publish(topic, "x"));
        }
        assertInvalid(new Unsubscribe(0));
        assertInvalid(new Unsubscribe(42));
        assertTrue("no subscription was made", broker.stats().topics().isEmpty());
        subscribe("t", 1, Overflow.DROP_OLDEST);
        assertEquals("the module lives on", 1, publish("t", "ok").subscribers());
    }

    @Test
    public void anotherProcessCannotUnsubscribe() {
        long id = subscribe("t", 1, Overflow.DROP_OLDEST);
        DispatchException error = yieldOf(publisher, new Unsubscribe(id)).error(DispatchException.class);
        assertEquals(DispatchException.NOT_OWNER, error.code());
        assertEquals(1, publish("t", 1).subscribers());
    }

    @Test
    public void theCapOfSubscribersPerTopicHolds() {
        for (int i = 0; i < 3; i++) {
            subscribe("t/*", 1, Overflow.DROP_OLDEST);
        }
        DispatchException error = yieldOf(subscriber, new Subscribe("t/*", 1, Overflow.DROP_OLDEST))
                .error(DispatchException.class);
        assertEquals(Subscribe.TOO_MANY_SUBSCRIBERS, error.code());
        assertEquals("another pattern is not affected", 1, subscribe("t", 1, Overflow.DROP_OLDEST) > 0 ? 1 : 0);
    }

    @Test
    public void afterTheModuleStoppedEverythingFailsWithModuleLeft() {
        subscribe("t", 1, Overflow.DROP_OLDEST);
        broker.close();
        assertEquals(0, subscriber.exitHooks());
        DispatchException error = yieldOf(publisher, new Publish("t", 1)).error(DispatchException.class);
        assertEquals(DispatchException.MODULE_LEFT, error.code());
        assertNull(subscriber.take());
    }

    private void assertInvalid(Command<?> command) {
        DispatchException error = yieldOf(subscriber, command).error(DispatchException.class);
        assertEquals(command + ": " + error.getMessage(), DispatchException.INVALID_ARGUMENT, error.code());
    }
}
