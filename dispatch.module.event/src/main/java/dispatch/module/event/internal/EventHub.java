package dispatch.module.event.internal;

import dispatch.api.Subscription;
import dispatch.module.event.Published;

/** The module's broker as the bridge and the shell see it: a service inside this bundle only. */
public interface EventHub {

    /** Publishes an event from EventAdmin to the subscribing processes (never back out). */
    Published publishFromOutside(String topic, Object payload);

    /** Installs the bridge's tap of what processes publish; closing the result removes it. */
    Subscription tap(Broker.Tap tap);

    EventStats stats();
}
