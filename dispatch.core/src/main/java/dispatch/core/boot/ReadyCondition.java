package dispatch.core.boot;

import dispatch.api.Readiness;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.condition.Condition;

/**
 * The ready condition, {@code osgi.condition.id=dispatch.ready}. Disabled by default: the
 * {@link BootBarrier} enables it while the runtime is ready and disables it otherwise. SCR
 * does both asynchronously, so the barrier never registers services from inside a service
 * event, and SCR removes it with the bundle.
 */
@Component(name = ReadyCondition.NAME, enabled = false, service = Condition.class,
        property = Condition.CONDITION_ID + "=" + Readiness.CONDITION_ID)
public final class ReadyCondition implements Condition {

    static final String NAME = "dispatch.core.ready";
}
