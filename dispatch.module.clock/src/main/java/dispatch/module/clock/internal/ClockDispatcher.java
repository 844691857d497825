package dispatch.module.clock.internal;

import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import org.osgi.service.component.annotations.Component;

/** Publishes the clock module. Its commands arrive with the module's own issue. */
@Component(property = Dispatcher.MODULE_PROPERTY + "=clock")
public final class ClockDispatcher implements Dispatcher {

    @Override
    public String moduleName() {
        return "clock";
    }

    @Override
    public void registerAll(Registrar registrar) {
        // no commands yet
    }
}
