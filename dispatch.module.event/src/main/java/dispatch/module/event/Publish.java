package dispatch.module.event;

import dispatch.api.Command;

/**
 * Publishes an event (the seed's Send) to every subscription whose pattern matches {@code topic},
 * and to EventAdmin when the bridge is configured to send the topic out. Completes once the event
 * is queued for every subscriber, with what happened ({@link Published}); fails with
 * {@link OverloadedException} when a subscription of {@link Overflow#FAIL_PUBLISH} was full.
 *
 * @param topic   the topic, EventAdmin syntax without wildcards: tokens of letters, digits,
 *                {@code _} and {@code -} separated by {@code /}; not null
 * @param payload what the subscribers get in {@link TopicEvent#payload()}, shared by all of them
 *                (give them an immutable value); may be null. Out to EventAdmin, a
 *                {@code Map<String, ?>} becomes the event's properties, anything else the
 *                property {@value #PAYLOAD_PROPERTY}.
 */
public record Publish(String topic, Object payload) implements Command<Published> {

    public static final int ID = 92;

    /** The EventAdmin property that carries a payload that is not a map of properties. */
    public static final String PAYLOAD_PROPERTY = "payload";

    /** The EventAdmin property that carries the publishing process's PID. */
    public static final String PUBLISHER_PROPERTY = "dispatch.publisher";

    @Override
    public int id() {
        return ID;
    }
}
