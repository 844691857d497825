package dispatch.module.clock;

import dispatch.api.Command;
import java.time.Duration;

/**
 * Starts a ticker that sends the yielding process a {@link Tick} message every {@code interval}
 * until it is stopped ({@link TickerStop}), its process ends or the clock module stops.
 * Completes at once with the ticker's ID, before the first tick is sent.
 *
 * <p>Tick {@code n} (1, 2, 3...) is due {@code n * interval} after the start, so ticks do not
 * drift. When the process or the machine falls behind by a whole interval, the ticks missed
 * are skipped rather than sent in a burst: {@link Tick#sequence()} then jumps, and always
 * increases.
 *
 * @param interval the time between ticks: {@link #MIN_INTERVAL} to {@link Sleep#MAX_DURATION}
 * @param topic    copied into every tick, so that a process can tell its tickers apart; not null
 */
public record TickerStart(Duration interval, String topic) implements Command<Long> {

    public static final int ID = 14;

    /** The shortest interval accepted: one millisecond, the resolution of the clock. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(1);

    @Override
    public int id() {
        return ID;
    }
}
