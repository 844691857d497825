package dispatch.module.clock.internal;

import dispatch.api.shell.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo command {@code dispatch:clock}: what the clock holds now. It prints rather than
 * returns, so that a script run with {@code gosh.args=-c ...} shows its output.
 */
@Component(service = ClockShell.class)
@GogoCommand(scope = "dispatch", function = "clock")
public final class ClockShell {

    private final ClockGauge gauge;

    @Activate
    public ClockShell(@Reference ClockGauge gauge) {
        this.gauge = gauge;
    }

    /** Prints the live sleepers, tickers, timers and timer waits, and the wheel's entries. */
    public void clock() {
        ClockStats s = gauge.stats();
        System.out.printf("sleepers      %d%ntickers       %d%ntimers        %d%ntimer waits   %d%n"
                + "wheel live    %d%nwheel entries %d", s.sleepers(), s.tickers(), s.timers(), s.timerWaits(),
                s.wheelLive(), s.wheelEntries());
        System.out.println();
    }
}
