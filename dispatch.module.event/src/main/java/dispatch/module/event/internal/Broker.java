package dispatch.module.event.internal;

import dispatch.api.DispatchException;
import dispatch.api.ProcessRef;
import dispatch.api.Registrar;
import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.api.YieldContext;
import dispatch.module.event.OverloadedException;
import dispatch.module.event.Overflow;
import dispatch.module.event.Publish;
import dispatch.module.event.Published;
import dispatch.module.event.Subscribe;
import dispatch.module.event.Unsubscribe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The event module's state and handlers: subscriptions indexed by pattern (exact topics in one
 * map, wildcard prefixes in another, so a publish looks up the topic and each of its prefixes
 * instead of testing every pattern), the counters, and the tap of the EventAdmin bridge. Each
 * handler has the shape of {@link dispatch.api.TypedHandler#handle}; a bad command throws a
 * {@link DispatchException}, which the runtime turns into the yield's error.
 */
final class Broker implements AutoCloseable {

    /** Forwards what processes publish (not what came from EventAdmin) to the bridge. */
    interface Tap {
        void published(String topic, Object payload, long publisher);
    }

    private final int maxSubscribersPerTopic;
    private final int maxBound;
    private final Object lock = new Object(); // subscribing and ending; publishing takes no broker lock
    private final ConcurrentHashMap<String, TopicEntry> exact = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, TopicEntry> under = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Subscriber> live = new ConcurrentHashMap<>();
    private final AtomicLong lastId = new AtomicLong();
    private final Counters total = new Counters();
    private final LongAdder endedWithProcess = new LongAdder();
    private volatile Tap tap;
    private volatile boolean closed;

    Broker(int maxSubscribersPerTopic, int maxBound) {
        if (maxSubscribersPerTopic < 1 || maxBound < 1) {
            throw new IllegalArgumentException("the maximum of subscribers per topic and the maximum bound must be"
                    + " at least 1, got " + maxSubscribersPerTopic + " and " + maxBound);
        }
        this.maxSubscribersPerTopic = maxSubscribersPerTopic;
        this.maxBound = maxBound;
    }

    /** Registers every handler, each typed. */
    void registerAll(Registrar registrar) {
        registrar.register(Subscribe.ID, Subscribe.class, this::subscribe);
        registrar.register(Unsubscribe.ID, Unsubscribe.class, this::unsubscribe);
        registrar.register(Publish.ID, Publish.class, this::publish);
    }

    // ---------------------------------------------------------------- handlers

    /** {@link Subscribe}: completes with the subscription's ID, before any of its events can arrive. */
    void subscribe(YieldContext context, Subscribe subscribe, long tag, ResultReceiver receiver) {
        TopicPattern pattern = TopicSyntax.pattern(subscribe.pattern());
        if (subscribe.bound() < 1 || subscribe.bound() > maxBound) {
            throw EventErrors.invalid("the subscription bound must be 1 to " + maxBound + ", got " + subscribe.bound());
        }
        if (subscribe.overflow() == null) {
            throw EventErrors.invalid("the overflow is missing (null): " + List.of(Overflow.values()));
        }
        checkOpen();
        ProcessRef owner = context.process();
        Subscriber subscriber;
        synchronized (lock) {
            var index = pattern.wildcard() ? under : exact;
            TopicEntry entry = index.computeIfAbsent(pattern.topic(), key -> new TopicEntry(pattern, total));
            if (entry.size() >= maxSubscribersPerTopic) {
                throw new DispatchException(Subscribe.TOO_MANY_SUBSCRIBERS, "'" + pattern.pattern() + "' has "
                        + entry.size() + " subscribers, the configured maximum");
            }
            subscriber = new Subscriber(this, lastId.incrementAndGet(), owner, entry, subscribe.bound(),
                    subscribe.overflow());
            entry.add(subscriber);
            live.put(subscriber.id, subscriber);
        }
        subscriber.endWithProcess();
        if (closed) {
            subscriber.end(false);
            throw EventErrors.moduleLeft();
        }
        receiver.complete(tag, subscriber.id);
    }

    /** {@link Unsubscribe}: completes with the number of waiting events discarded. */
    void unsubscribe(YieldContext context, Unsubscribe unsubscribe, long tag, ResultReceiver receiver) {
        long id = unsubscribe.subscriptionId();
        Subscriber subscriber = live.get(id);
        if (subscriber == null) {
            throw EventErrors.invalid(id <= 0 || id > lastId.get() ? "no subscription with ID " + id + " was ever made"
                    : "subscription " + id + " is not active: it ended already, or its process ended");
        }
        long caller = context.process().pid();
        if (subscriber.owner.pid() != caller) {
            throw new DispatchException(DispatchException.NOT_OWNER,
                    "subscription " + id + " belongs to process " + subscriber.owner.pid() + ", not to " + caller);
        }
        long discarded = subscriber.end(false);
        if (discarded < 0) {
            throw EventErrors.invalid("subscription " + id + " is not active: it ended already");
        }
        receiver.complete(tag, discarded);
    }

    /** {@link Publish}: queues the event for every matching subscription, then sends it out to EventAdmin. */
    void publish(YieldContext context, Publish publish, long tag, ResultReceiver receiver) {
        String topic = TopicSyntax.topic(publish.topic());
        checkOpen();
        long publisher = context.process().pid();
        Tally tally = fanOut(topic, publish.payload(), publisher);
        Tap out = tap;
        if (out != null) {
            out.published(topic, publish.payload(), publisher);
        }
        if (tally.refused > 0) {
            throw new OverloadedException(topic, tally.accepted, tally.refused);
        }
        receiver.complete(tag, new Published(tally.accepted, tally.droppedOldest));
    }

    /**
     * Publishes an event from outside the runtime (EventAdmin): to the subscriptions only, never
     * back out. A full {@code FAIL_PUBLISH} subscription refuses it, and is counted for it.
     */
    Published publishFromOutside(String topic, Object payload) {
        if (closed || TopicSyntax.problemOf(topic) != null) {
            return new Published(0, 0);
        }
        Tally tally = fanOut(topic, payload, 0);
        return new Published(tally.accepted, tally.droppedOldest);
    }

    private Tally fanOut(String topic, Object payload, long publisher) {
        total.published.increment();
        Tally tally = new Tally();
        TopicEntry entry = exact.get(topic);
        if (entry != null) {
            entry.publish(topic, payload, publisher, tally);
        }
        for (int end = topic.lastIndexOf('/'); end > 0; end = topic.lastIndexOf('/', end - 1)) {
            entry = under.get(topic.substring(0, end));
            if (entry != null) {
                entry.publish(topic, payload, publisher, tally);
            }
        }
        entry = under.get("");
        if (entry != null) {
            entry.publish(topic, payload, publisher, tally);
        }
        return tally;
    }

    // ---------------------------------------------------------------- bookkeeping

    /** Installs the bridge's tap; closing the result removes it. */
    Subscription tap(Tap bridge) {
        tap = bridge;
        return () -> {
            if (tap == bridge) {
                tap = null;
            }
        };
    }

    private void checkOpen() {
        if (closed) {
            throw EventErrors.moduleLeft();
        }
    }

    /** A subscription ended (exactly once each). */
    void removed(Subscriber subscriber) {
        synchronized (lock) {
            live.remove(subscriber.id, subscriber);
            TopicEntry entry = subscriber.entry;
            entry.remove(subscriber);
            if (entry.size() == 0) {
                (entry.pattern.wildcard() ? under : exact).remove(entry.pattern.topic(), entry);
            }
        }
    }

    void endedWithProcess() {
        endedWithProcess.increment();
    }

    EventStats stats() {
        List<TopicStats> topics = new ArrayList<>();
        exact.values().forEach(entry -> topics.add(entry.stats()));
        under.values().forEach(entry -> topics.add(entry.stats()));
        topics.sort(Comparator.comparing(TopicStats::pattern));
        return new EventStats(topics, TopicStats.of(null, live.size(), total), endedWithProcess.sum());
    }

    /** Ends every subscription; handlers called later fail with {@code module-left}. */
    @Override
    public void close() {
        closed = true;
        tap = null;
        for (Subscriber subscriber : new ArrayList<>(live.values())) {
            subscriber.end(false);
        }
    }
}
