package dispatch.module.event.internal;

import dispatch.api.DispatchModule;
import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import dispatch.api.Subscription;
import dispatch.module.event.Published;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The event module: registers Subscribe, Unsubscribe and Publish, all served by one {@link Broker}.
 * Deactivation (bundle stop, or a new configuration) ends every subscription.
 */
@Component(service = {Dispatcher.class, EventHub.class}, configurationPid = EventDispatcher.PID)
@Designate(ocd = EventConfig.class)
@DispatchModule("event")
public final class EventDispatcher implements Dispatcher, EventHub {

    /** The configuration PID of the module's limits. */
    public static final String PID = "dispatch.module.event";

    private final Broker broker;

    @Activate
    public EventDispatcher(EventConfig config) {
        this(config.max_subscribers_per_topic(), config.max_bound());
    }

    /** A module with these limits, for runs outside OSGi (the benchmarks). */
    public EventDispatcher(int maxSubscribersPerTopic, int maxBound) {
        broker = new Broker(maxSubscribersPerTopic, maxBound);
    }

    /** Ends every subscription (public for runs outside OSGi). */
    @Deactivate
    public void deactivate() {
        broker.close();
    }

    @Override
    public void registerAll(Registrar registrar) {
        broker.registerAll(registrar);
    }

    @Override
    public Published publishFromOutside(String topic, Object payload) {
        return broker.publishFromOutside(topic, payload);
    }

    @Override
    public Subscription tap(Broker.Tap tap) {
        return broker.tap(tap);
    }

    @Override
    public EventStats stats() {
        return broker.stats();
    }
}
