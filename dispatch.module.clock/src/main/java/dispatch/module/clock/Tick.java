package dispatch.module.clock;

import java.time.Instant;

/**
 * The message a ticker ({@link TickerStart}) sends to its process. It arrives as a message
 * (for a step process, an event of kind {@code MESSAGE}), not as the result of a yield.
 *
 * @param tickerId the ticker's ID
 * @param topic    the topic given to {@link TickerStart}
 * @param sequence which tick this is: tick {@code n} was due {@code n * interval} after the
 *                 start; increases with every tick, by more than one when ticks were skipped
 * @param time     the wall-clock time at which the tick was sent
 */
public record Tick(long tickerId, String topic, long sequence, Instant time) {
}
