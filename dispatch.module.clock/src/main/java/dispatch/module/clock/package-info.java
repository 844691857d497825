/**
 * The commands of the clock module (IDs 10-29): {@link dispatch.module.clock.Sleep}, tickers
 * ({@link dispatch.module.clock.TickerStart}, {@link dispatch.module.clock.TickerStop}, whose
 * ticks arrive as {@link dispatch.module.clock.Tick} messages) and one-shot timers
 * ({@link dispatch.module.clock.TimerStart}, {@link dispatch.module.clock.TimerWait},
 * {@link dispatch.module.clock.TimerStop}, {@link dispatch.module.clock.TimerReset}).
 *
 * <h2>Errors</h2>
 * The records accept any values; the module checks them when they are yielded, and a bad
 * command fails only its own yield (the process lives on) with a
 * {@link dispatch.api.DispatchException}:
 * <ul>
 * <li>{@code invalid-argument}: a {@code null}, negative or too long duration (more than
 * {@link dispatch.module.clock.Sleep#MAX_DURATION}), a ticker interval under
 * {@link dispatch.module.clock.TickerStart#MIN_INTERVAL}, a {@code null} topic, an ID that was
 * never issued, an ID that is no longer active (stopped already, or its process ended), or a
 * ticker ID given where a timer ID is expected (and the other way round);</li>
 * <li>{@code not-owner}: a ticker or timer ID that belongs to another process;</li>
 * <li>{@code module-left}: the clock bundle stopped while the yield was waiting.</li>
 * </ul>
 *
 * <h2>Lifetime</h2>
 * Tickers and timers belong to the process that started them. They end when that process
 * stops them or ends, and all of them end when the clock module stops. A pending
 * {@code Sleep} or {@code TimerWait} ends when its yield is cancelled.
 *
 * <h2>Accuracy</h2>
 * Every duration is measured on {@link java.lang.System#nanoTime()}. Nothing completes early;
 * completions are normally late by about one millisecond (the timer engine's tick) plus
 * scheduling delays.
 */
@Export
@Version("1.0.0")
package dispatch.module.clock;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
