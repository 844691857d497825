package dispatch.module.event.internal;

import dispatch.module.event.Subscribe;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The event module's limits (PID {@value EventDispatcher#PID}). */
@ObjectClassDefinition(name = "dispatch event module", description = "Limits of the event module's subscriptions")
@interface EventConfig {

    @AttributeDefinition(name = "Subscribers per topic", min = "1",
            description = "The most subscriptions one topic pattern may have; one more fails with too-many-subscribers")
    int max_subscribers_per_topic() default 10_000;

    @AttributeDefinition(name = "Largest bound", min = "1",
            description = "The largest bound a subscription may ask for (events held for a slow subscriber)")
    int max_bound() default Subscribe.DEFAULT_MAX_BOUND;
}
