package dispatch.module.event.internal;

import java.util.Arrays;

/**
 * The subscriptions of one pattern. Publishers read the array without a lock; the broker replaces
 * it under its lock when a subscription comes or goes (rare next to publishing).
 */
final class TopicEntry {

    private static final Subscriber[] NONE = {};

    final TopicPattern pattern;
    final Counters counters = new Counters();
    private final Counters total;
    private volatile Subscriber[] subscribers = NONE;

    TopicEntry(TopicPattern pattern, Counters total) {
        this.pattern = pattern;
        this.total = total;
    }

    int size() {
        return subscribers.length;
    }

    /** Broker lock held. */
    void add(Subscriber subscriber) {
        Subscriber[] now = subscribers;
        Subscriber[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = subscriber;
        subscribers = next;
    }

    /** Broker lock held. */
    void remove(Subscriber subscriber) {
        Subscriber[] now = subscribers;
        for (int i = 0; i < now.length; i++) {
            if (now[i] == subscriber) {
                Subscriber[] next = new Subscriber[now.length - 1];
                System.arraycopy(now, 0, next, 0, i);
                System.arraycopy(now, i + 1, next, i, now.length - i - 1);
                subscribers = next;
                return;
            }
        }
    }

    /** Offers one event to every subscription; in the order of the publisher's calls for each of them. */
    void publish(String topic, Object payload, long publisher, Tally tally) {
        counters.published.increment();
        for (Subscriber subscriber : subscribers) {
            subscriber.offer(topic, payload, publisher, tally);
        }
    }

    void delivered() {
        counters.delivered.increment();
        total.delivered.increment();
    }

    void dropped() {
        counters.dropped.increment();
        total.dropped.increment();
    }

    void refused() {
        counters.refused.increment();
        total.refused.increment();
    }

    void discarded(int events) {
        counters.discarded.add(events);
        total.discarded.add(events);
    }

    TopicStats stats() {
        return TopicStats.of(pattern.pattern(), size(), counters);
    }
}
