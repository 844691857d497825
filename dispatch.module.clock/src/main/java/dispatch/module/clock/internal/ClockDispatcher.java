package dispatch.module.clock.internal;

import dispatch.api.DispatchModule;
import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The clock module: registers the handlers of Sleep, tickers and timers, all served by one
 * {@link Clock} and its single timer thread. Deactivation (bundle stop) ends everything the
 * clock holds; the gauge ({@code dispatch:clock}, JMX {@value ClockMXBean#OBJECT_NAME}) shows
 * it drop to zero.
 */
@Component(service = {Dispatcher.class, ClockGauge.class})
@DispatchModule("clock")
public final class ClockDispatcher implements Dispatcher, ClockGauge, ClockMXBean {

    private static final System.Logger LOG = System.getLogger(ClockDispatcher.class.getName());

    private final Clock clock;
    private final ObjectName mbeanName;

    @Activate
    public ClockDispatcher() {
        clock = Clock.start("dispatch-clock");
        mbeanName = registerMBean();
    }

    /** Ends everything the clock holds (public for runs outside OSGi, such as the scale run). */
    @Deactivate
    public void deactivate() {
        unregisterMBean();
        clock.close();
    }

    @Override
    public void registerAll(Registrar registrar) {
        clock.registerAll(registrar);
    }

    @Override
    public ClockStats stats() {
        return clock.stats();
    }

    @Override
    public long getSleepers() {
        return clock.stats().sleepers();
    }

    @Override
    public long getTickers() {
        return clock.stats().tickers();
    }

    @Override
    public long getTimers() {
        return clock.stats().timers();
    }

    @Override
    public long getTimerWaits() {
        return clock.stats().timerWaits();
    }

    @Override
    public long getWheelLive() {
        return clock.stats().wheelLive();
    }

    @Override
    public long getWheelEntries() {
        return clock.stats().wheelEntries();
    }

    private ObjectName registerMBean() {
        try {
            ObjectName name = new ObjectName(OBJECT_NAME);
            ManagementFactory.getPlatformMBeanServer().registerMBean(this, name);
            return name;
        } catch (JMException | RuntimeException e) {
            // A second framework in the same JVM may hold the name: the gauge is then only in the shell.
            LOG.log(Level.WARNING, "clock gauge not registered in JMX: " + e);
            return null;
        }
    }

    private void unregisterMBean() {
        if (mbeanName == null) {
            return;
        }
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(mbeanName)) {
                server.unregisterMBean(mbeanName);
            }
        } catch (JMException | RuntimeException e) {
            LOG.log(Level.WARNING, "clock gauge not unregistered from JMX: " + e);
        }
    }
}
