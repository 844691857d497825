package dispatch.module.clock;

import dispatch.api.Command;

/**
 * Waits for a timer of the yielding process (see {@link TimerStart} for the semantics).
 * Completes with {@code true} when the timer fires, at once if it has already fired and was
 * not reset since; with {@code false} when the timer is stopped first. Several waits on one
 * timer are allowed and all complete. Cancelling the yield withdraws only this wait.
 *
 * @param timerId the ID {@link TimerStart} completed with
 */
public record TimerWait(long timerId) implements Command<Boolean> {

    public static final int ID = 19;

    @Override
    public int id() {
        return ID;
    }
}
