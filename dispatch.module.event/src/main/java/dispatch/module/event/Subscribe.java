package dispatch.module.event;

import dispatch.api.Command;

/**
 * Subscribes the yielding process to the topics {@code pattern} matches, in the EventAdmin style:
 * a topic ({@code orders/created}), a topic prefix with a wildcard ({@code orders/*}: every topic
 * under {@code orders/}, not {@code orders} itself) or {@code *} (every topic). Completes with the
 * subscription's ID; every event published to a matching topic after that arrives as a
 * {@link TopicEvent} message, in publish order per publisher, until {@link Unsubscribe}, the
 * process's end or the module's stop.
 *
 * <p>The subscription holds at most {@code bound} events the process has not taken yet, besides the
 * one in its mailbox; what happens to an event past that is {@code overflow}'s choice.
 *
 * @param pattern  the topic pattern; not null
 * @param bound    how many events may wait for the process, 1 to the configured maximum
 *                 ({@value #DEFAULT_MAX_BOUND} unless configured otherwise)
 * @param overflow what an event does that finds the subscription full; not null
 */
public record Subscribe(String pattern, int bound, Overflow overflow) implements Command<Long> {

    public static final int ID = 90;

    /** The largest bound accepted unless the module is configured otherwise. */
    public static final int DEFAULT_MAX_BOUND = 100_000;

    /** The error code of a subscription to a pattern that has the configured maximum of subscribers. */
    public static final String TOO_MANY_SUBSCRIBERS = "too-many-subscribers";

    @Override
    public int id() {
        return ID;
    }
}
