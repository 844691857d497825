package dispatch.module.event;

import dispatch.api.DispatchException;

/**
 * The error of a {@link Publish} that subscriptions of {@link Overflow#FAIL_PUBLISH} refused because
 * they were full. The event still went to every other matching subscription: {@link #accepted()}
 * says how many, {@link #refused()} how many did not get it.
 */
public final class OverloadedException extends DispatchException {

    private static final long serialVersionUID = 1L;

    /** The error code. */
    public static final String OVERLOADED = "overloaded";

    private final int accepted;
    private final int refused;

    public OverloadedException(String topic, int accepted, int refused) {
        super(OVERLOADED, refused + " full subscription(s) refused the event on " + topic + "; " + accepted
                + " got it");
        this.accepted = accepted;
        this.refused = refused;
    }

    /** How many subscriptions the event was queued for. */
    public int accepted() {
        return accepted;
    }

    /** How many full subscriptions refused it. */
    public int refused() {
        return refused;
    }
}
