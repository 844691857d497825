package dispatch.module.clock;

import dispatch.api.Command;
import java.time.Duration;

/**
 * Completes (with {@code null}) once {@code duration} has passed since the module received the
 * command, never earlier. A zero duration completes at once.
 *
 * @param duration how long to sleep: 0 to {@link #MAX_DURATION}
 */
public record Sleep(Duration duration) implements Command<Void> {

    public static final int ID = 10;

    /** The longest duration any clock command accepts: 365 days. */
    public static final Duration MAX_DURATION = Duration.ofDays(365);

    @Override
    public int id() {
        return ID;
    }
}
