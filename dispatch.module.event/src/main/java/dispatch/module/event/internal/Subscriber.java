package dispatch.module.event.internal;

import dispatch.api.ProcessRef;
import dispatch.api.Subscription;
import dispatch.module.event.Overflow;
import dispatch.module.event.TopicEvent;
import java.util.ArrayDeque;

/**
 * One subscription: at most one event in its process's mailbox, up to {@code bound} more waiting
 * here. When the process has taken the one in its mailbox ({@link ProcessRef#send(Object, Runnable)}
 * calls {@link #run()}), the oldest waiting one goes next. So what the process has not seen yet is
 * known exactly, and the oldest of it can still be dropped.
 *
 * <p>Only the holder of the mailbox slot sends, one message at a time, so messages leave in the
 * order their events were queued even though sending happens outside the lock.
 */
final class Subscriber implements Runnable {

    private final Broker broker;
    final long id;
    final ProcessRef owner;
    final TopicEntry entry;
    private final int bound;
    private final Overflow overflow;

    // Guarded by this.
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private boolean inMailbox;
    private boolean ended;
    private long dropped;
    private Subscription exitHook;

    private record Waiting(String topic, Object payload, long publisher) {
    }

    Subscriber(Broker broker, long id, ProcessRef owner, TopicEntry entry, int bound, Overflow overflow) {
        this.broker = broker;
        this.id = id;
        this.owner = owner;
        this.entry = entry;
        this.bound = bound;
        this.overflow = overflow;
    }

    /** Ties the subscription to its process's life; called once, after it was added to the broker. */
    void endWithProcess() {
        Subscription hook = owner.onExit(() -> {
            if (end(true) >= 0) {
                broker.endedWithProcess();
            }
        });
        synchronized (this) {
            if (!ended) {
                exitHook = hook;
                return;
            }
        }
        hook.close();
    }

    /** Queues an event, or hands it to the process at once when its mailbox slot is free. */
    void offer(String topic, Object payload, long publisher, Tally tally) {
        TopicEvent message;
        synchronized (this) {
            if (ended) {
                return;
            }
            if (inMailbox) {
                if (waiting.size() >= bound) {
                    if (overflow == Overflow.FAIL_PUBLISH) {
                        tally.refused++;
                        entry.refused();
                        return;
                    }
                    waiting.poll();
                    dropped++;
                    tally.droppedOldest++;
                    entry.dropped();
                }
                waiting.add(new Waiting(topic, payload, publisher));
                tally.accepted++;
                return;
            }
            inMailbox = true;
            tally.accepted++;
            message = new TopicEvent(id, topic, payload, publisher, dropped);
        }
        handOver(message);
    }

    /** The process took the message in its mailbox: the oldest waiting event goes next. */
    @Override
    public void run() {
        entry.delivered();
        TopicEvent message;
        synchronized (this) {
            Waiting next = waiting.poll();
            if (next == null) {
                inMailbox = false;
                return;
            }
            message = new TopicEvent(id, next.topic(), next.payload(), next.publisher(), dropped);
        }
        handOver(message);
    }

    private void handOver(TopicEvent message) {
        if (!owner.send(message, this) && end(true) >= 0) {
            broker.endedWithProcess(); // its exit hook, which runs too, finds it ended
        }
    }

    /**
     * Ends the subscription.
     *
     * @param processEnded whether its process ended, so that the message in its mailbox is lost too
     * @return the events it held and discarded, or -1 when it had ended already
     */
    long end(boolean processEnded) {
        int discarded;
        Subscription hook;
        synchronized (this) {
            if (ended) {
                return -1;
            }
            ended = true;
            discarded = waiting.size() + (processEnded && inMailbox ? 1 : 0);
            waiting.clear();
            hook = exitHook;
            exitHook = null;
        }
        entry.discarded(discarded);
        broker.removed(this);
        if (hook != null) {
            hook.close();
        }
        return discarded;
    }
}
