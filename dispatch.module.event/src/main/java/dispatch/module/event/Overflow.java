package dispatch.module.event;

/** What a subscription does with an event that arrives while it holds its bound of waiting events. */
public enum Overflow {
    /**
     * Drop the oldest waiting event to make room, and count it: the next event the process gets
     * says how many were dropped so far ({@link TopicEvent#dropped()}). Publishing never fails.
     */
    DROP_OLDEST,
    /**
     * Refuse the event: the publish fails with {@link OverloadedException} ({@code overloaded}),
     * saying how many subscriptions refused it; nothing waiting is dropped.
     */
    FAIL_PUBLISH
}
