package dispatch.itest.support;

import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Reads the clock module's live counts from its JMX gauge ({@code dispatch:type=clock}), which
 * needs no class of the clock bundle.
 */
public final class ClockGauge {

    private static final ObjectName NAME;

    static {
        try {
            NAME = new ObjectName("dispatch:type=clock");
        } catch (JMException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** What the clock held when read. */
    public record Counts(long sleepers, long tickers, long timers, long timerWaits, long wheelLive) {

        public boolean idle() {
            return sleepers == 0 && tickers == 0 && timers == 0 && timerWaits == 0 && wheelLive == 0;
        }
    }

    private ClockGauge() {
    }

    public static boolean registered() {
        return server().isRegistered(NAME);
    }

    public static Counts read() throws JMException {
        MBeanServer server = server();
        return new Counts(get(server, "Sleepers"), get(server, "Tickers"), get(server, "Timers"),
                get(server, "TimerWaits"), get(server, "WheelLive"));
    }

    private static long get(MBeanServer server, String attribute) throws JMException {
        return (Long) server.getAttribute(NAME, attribute);
    }

    private static MBeanServer server() {
        return ManagementFactory.getPlatformMBeanServer();
    }
}
