package dispatch.module.clock.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Gogo command {@code dispatch:clock}: what the clock holds now. */
@Component(service = ClockShell.class, property = {
        "osgi.command.scope=dispatch",
        "osgi.command.function=clock"})
public final class ClockShell {

    private final ClockGauge gauge;

    @Activate
    public ClockShell(@Reference ClockGauge gauge) {
        this.gauge = gauge;
    }

    /** Prints the live sleepers, tickers, timers and timer waits, and the wheel's entries. */
    public String clock() {
        ClockStats s = gauge.stats();
        return String.format("sleepers      %d%ntickers       %d%ntimers        %d%ntimer waits   %d%n"
                + "wheel live    %d%nwheel entries %d", s.sleepers(), s.tickers(), s.timers(), s.timerWaits(),
                s.wheelLive(), s.wheelEntries());
    }
}
