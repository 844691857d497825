package dispatch.module.clock;

import dispatch.api.Command;
import java.time.Duration;

/**
 * Starts a one-shot timer of the yielding process and completes at once with its ID.
 *
 * <h2>Timer semantics</h2>
 * A timer is <em>armed</em> from its start until {@code duration} has passed, then it
 * <em>fires</em> once and stays <em>fired</em>:
 * <ul>
 * <li>{@link TimerWait} completes with {@code true} when the timer fires, or at once if it has
 * already fired (and was not reset since);</li>
 * <li>{@link TimerReset} arms it again with a new duration, whether it had fired or not;
 * waits in progress then wait for the new firing;</li>
 * <li>{@link TimerStop} ends the timer: pending waits complete with {@code false} and the ID
 * becomes invalid.</li>
 * </ul>
 * A timer lives until it is stopped, its process ends, or the clock module stops; a process
 * that starts many timers should stop the ones it no longer needs, fired or not.
 *
 * @param duration the time until the timer fires: 0 to {@link Sleep#MAX_DURATION}
 */
public record TimerStart(Duration duration) implements Command<Long> {

    public static final int ID = 18;

    @Override
    public int id() {
        return ID;
    }
}
