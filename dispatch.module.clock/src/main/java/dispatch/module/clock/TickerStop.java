package dispatch.module.clock;

import dispatch.api.Command;

/**
 * Stops a ticker of the yielding process. Completes with the {@link Tick#sequence()} of the
 * last tick that was sent (0 when none was): every tick of this ticker reaches the process
 * before this result, none after.
 *
 * <p>A ticker can be stopped once: stopping it again, or stopping an ID that was never issued,
 * fails with {@code invalid-argument}; another process's ticker fails with {@code not-owner}.
 * A stop that arrives before the ticker's first scheduling took effect still stops it.
 *
 * @param tickerId the ID {@link TickerStart} completed with
 */
public record TickerStop(long tickerId) implements Command<Long> {

    public static final int ID = 16;

    @Override
    public int id() {
        return ID;
    }
}
