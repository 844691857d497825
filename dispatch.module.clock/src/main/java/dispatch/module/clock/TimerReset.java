package dispatch.module.clock;

import dispatch.api.Command;
import java.time.Duration;

/**
 * Arms a timer of the yielding process again, to fire {@code duration} from now (see
 * {@link TimerStart}), whether it had fired or not; its previous deadline is dropped. Waits in
 * progress wait for the new firing. Completes with {@code true} when the timer was still
 * armed, {@code false} when it had already fired.
 *
 * <p>Resetting a stopped timer or an ID that was never issued fails with
 * {@code invalid-argument}, another process's timer with {@code not-owner}.
 *
 * @param timerId  the ID {@link TimerStart} completed with
 * @param duration the new time until the timer fires: 0 to {@link Sleep#MAX_DURATION}
 */
public record TimerReset(long timerId, Duration duration) implements Command<Boolean> {

    public static final int ID = 21;

    @Override
    public int id() {
        return ID;
    }
}
