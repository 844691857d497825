package dispatch.module.event.internal;

import dispatch.api.Subscription;
import dispatch.module.event.Publish;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Bridges the event module and OSGi EventAdmin both ways, when configured (PID {@value #PID}):
 * what processes publish on an {@code out.topics} pattern is posted to EventAdmin (asynchronously,
 * in publish order per publisher, as EventAdmin keeps it per posting thread), and what EventAdmin
 * delivers on an {@code event.topics} pattern (this handler's own subscription) is published to
 * the subscribing processes. Events that crossed once carry {@value #BRIDGED} and never cross back.
 *
 * <p>A component of its own that needs the EventAdmin service: without EventAdmin (its package is
 * imported optionally) it is never satisfied and the module works alone.
 */
@Component(service = EventHandler.class, configurationPid = EventAdminBridge.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = EventConstants.EVENT_FILTER + "=(!(" + EventAdminBridge.BRIDGED + "=true))")
@Designate(ocd = EventAdminBridge.Config.class)
public final class EventAdminBridge implements EventHandler, Broker.Tap {

    /** The bridge's configuration PID. */
    public static final String PID = "dispatch.module.event.eventadmin";

    /** Marks an event that crossed the bridge. */
    static final String BRIDGED = "dispatch.bridged";

    private static final System.Logger LOG = System.getLogger(EventAdminBridge.class.getName());

    @ObjectClassDefinition(name = "dispatch event module: EventAdmin bridge",
            description = "Which topics cross between the event module and OSGi EventAdmin")
    @interface Config {

        @AttributeDefinition(name = "Out to EventAdmin",
                description = "Topic patterns (orders/*, *) whose events, published by processes, are posted to EventAdmin")
        String[] out_topics() default {};

        @AttributeDefinition(name = "In from EventAdmin",
                description = "EventAdmin topic patterns whose events reach subscribing processes")
        String[] event_topics() default {};
    }

    private final EventAdmin eventAdmin;
    private final EventHub hub;
    private final List<TopicPattern> out;
    private final Subscription tapped;

    @Activate
    public EventAdminBridge(@Reference EventAdmin eventAdmin, @Reference EventHub hub, Config config) {
        this.eventAdmin = eventAdmin;
        this.hub = hub;
        List<TopicPattern> patterns = new ArrayList<>();
        for (String pattern : config.out_topics()) {
            patterns.add(TopicSyntax.pattern(pattern)); // a bad one fails the activation, naming it
        }
        this.out = List.copyOf(patterns);
        this.tapped = out.isEmpty() ? () -> { } : hub.tap(this);
    }

    @Deactivate
    void deactivate() {
        tapped.close();
    }

    /** In: an EventAdmin event becomes a dispatch event whose payload is its properties. */
    @Override
    public void handleEvent(Event event) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            if (!EventConstants.EVENT_TOPIC.equals(name)) {
                properties.put(name, event.getProperty(name));
            }
        }
        hub.publishFromOutside(event.getTopic(), Collections.unmodifiableMap(properties));
    }

    /** Out: a process's event on a configured topic is posted to EventAdmin. */
    @Override
    public void published(String topic, Object payload, long publisher) {
        if (!matchesOut(topic)) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        if (payload instanceof Map<?, ?> map) {
            map.forEach((name, value) -> {
                if (name instanceof String key && value != null) {
                    properties.put(key, value);
                }
            });
        } else if (payload != null) {
            properties.put(Publish.PAYLOAD_PROPERTY, payload);
        }
        properties.put(Publish.PUBLISHER_PROPERTY, publisher);
        properties.put(BRIDGED, Boolean.TRUE);
        try {
            eventAdmin.postEvent(new Event(topic, properties));
        } catch (RuntimeException e) {
            // EventAdmin is going away: the processes' publish goes on without it
            LOG.log(Level.WARNING, "dispatch event: not posted to EventAdmin: " + topic + ": " + e);
        }
    }

    private boolean matchesOut(String topic) {
        for (TopicPattern pattern : out) {
            if (pattern.matches(topic)) {
                return true;
            }
        }
        return false;
    }
}
