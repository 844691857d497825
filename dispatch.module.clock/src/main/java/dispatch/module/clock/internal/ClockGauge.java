package dispatch.module.clock.internal;

/**
 * The clock's live counts, published as a bundle-internal service for the shell command and
 * as {@link ClockMXBean} for JMX.
 */
public interface ClockGauge {

    ClockStats stats();
}
