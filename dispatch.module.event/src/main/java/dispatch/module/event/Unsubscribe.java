package dispatch.module.event;

import dispatch.api.Command;

/**
 * Ends one of the yielding process's subscriptions. Completes with the number of events the
 * subscription still held for the process and discarded (the one already in its mailbox, if
 * any, still arrives). No event of the subscription is queued after the result.
 *
 * @param subscriptionId the ID {@link Subscribe} completed with
 */
public record Unsubscribe(long subscriptionId) implements Command<Long> {

    public static final int ID = 91;

    @Override
    public int id() {
        return ID;
    }
}
