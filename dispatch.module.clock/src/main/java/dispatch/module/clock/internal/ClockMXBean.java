package dispatch.module.clock.internal;

/**
 * The clock's gauge over JMX, registered as {@value #OBJECT_NAME} while the module is active:
 * a reader needs no class of this bundle, only the platform MBean server.
 */
public interface ClockMXBean {

    String OBJECT_NAME = "dispatch:type=clock";

    /** Pending {@code Sleep} yields. */
    long getSleepers();

    /** Running tickers. */
    long getTickers();

    /** Timers not stopped yet. */
    long getTimers();

    /** Pending {@code TimerWait} yields. */
    long getTimerWaits();

    /** Tasks in the timing wheel that will still fire. */
    long getWheelLive();

    /** Entries the timing wheel physically holds. */
    long getWheelEntries();
}
