package dispatch.module.clock.internal;

/**
 * What the clock holds at one moment; all zero when nothing is live.
 *
 * @param sleepers     pending {@code Sleep} yields
 * @param tickers      running tickers
 * @param timers       timers not stopped yet (armed or fired)
 * @param timerWaits   pending {@code TimerWait} yields
 * @param wheelLive    tasks in the timing wheel that will still fire (sleepers, tickers, armed timers)
 * @param wheelEntries entries the wheel physically holds, as of its last round
 */
record ClockStats(long sleepers, long tickers, long timers, long timerWaits, long wheelLive, long wheelEntries) {

    boolean isIdle() {
        return sleepers == 0 && tickers == 0 && timers == 0 && timerWaits == 0 && wheelLive == 0 && wheelEntries == 0;
    }
}
