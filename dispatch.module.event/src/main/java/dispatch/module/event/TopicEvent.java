package dispatch.module.event;

/**
 * An event as a subscribing process gets it: a message (for a step process, an event of kind
 * {@code MESSAGE}), not the result of a yield.
 *
 * @param subscriptionId the subscription that delivered it
 * @param topic          the topic it was published to
 * @param payload        the published payload; from EventAdmin, an unmodifiable map of the event's
 *                       properties (without {@code event.topics})
 * @param publisher      the PID of the publishing process, 0 for an event from EventAdmin
 * @param dropped        how many events this subscription dropped so far ({@link Overflow#DROP_OLDEST}),
 *                       counted when this one was handed to the process: a subscriber sees every loss
 */
public record TopicEvent(long subscriptionId, String topic, Object payload, long publisher, long dropped) {
}
