package dispatch.module.clock;

import dispatch.api.Command;

/**
 * Ends a timer of the yielding process (see {@link TimerStart}). Completes with {@code true}
 * when the timer was still armed (it will now never fire), {@code false} when it had already
 * fired. Pending {@link TimerWait}s complete with {@code false}; the ID becomes invalid.
 *
 * <p>Stopping a timer twice, or an ID that was never issued, fails with
 * {@code invalid-argument}; another process's timer fails with {@code not-owner}. A stop that
 * arrives before the timer's scheduling took effect still stops it.
 *
 * @param timerId the ID {@link TimerStart} completed with
 */
public record TimerStop(long timerId) implements Command<Boolean> {

    public static final int ID = 20;

    @Override
    public int id() {
        return ID;
    }
}
