package dispatch.module.sql.internal;

import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import org.osgi.service.component.annotations.Component;

/** Publishes the sql module. Its commands arrive with the module's own issue. */
@Component(property = Dispatcher.MODULE_PROPERTY + "=sql")
public final class SqlDispatcher implements Dispatcher {

    @Override
    public String moduleName() {
        return "sql";
    }

    @Override
    public void registerAll(Registrar registrar) {
        // no commands yet
    }
}
