package dispatch.core.boot;

import dispatch.api.RuntimeReady;
import org.osgi.service.component.annotations.Component;

/** The {@link RuntimeReady} service; enabled and disabled by the {@link BootBarrier} with {@link ReadyCondition}. */
@Component(name = ReadyMarker.NAME, enabled = false)
public final class ReadyMarker implements RuntimeReady {

    static final String NAME = "dispatch.core.ready.marker";
}
