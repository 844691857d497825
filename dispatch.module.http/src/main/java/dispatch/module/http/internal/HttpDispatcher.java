package dispatch.module.http.internal;

import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import org.osgi.service.component.annotations.Component;

/** Publishes the http module. Its commands arrive with the module's own issue. */
@Component(property = Dispatcher.MODULE_PROPERTY + "=http")
public final class HttpDispatcher implements Dispatcher {

    @Override
    public String moduleName() {
        return "http";
    }

    @Override
    public void registerAll(Registrar registrar) {
        // no commands yet
    }
}
