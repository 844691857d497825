package dispatch.module.http.internal;

import dispatch.api.DispatchModule;
import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import dispatch.module.http.Request;
import dispatch.module.http.RequestBatch;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Publishes the http module: {@link Request} (60) and {@link RequestBatch} (61), served with
 * the JDK's {@link java.net.http.HttpClient}. Configured through ConfigAdmin under
 * {@value HttpConfig#PID}; a new configuration applies without unregistering the module.
 */
@Component(configurationPid = HttpConfig.PID)
@DispatchModule(HttpDispatcher.MODULE)
@Designate(ocd = HttpConfig.class)
public final class HttpDispatcher implements Dispatcher {

    static final String MODULE = "http";

    private final HttpModule module;

    @Activate
    public HttpDispatcher(HttpConfig config) {
        this.module = new HttpModule(Settings.from(config));
    }

    @Modified
    void modified(HttpConfig config) {
        module.reconfigure(Settings.from(config));
    }

    @Deactivate
    void deactivate() {
        module.close();
    }

    HttpModule module() {
        return module;
    }

    @Override
    public void registerAll(Registrar registrar) {
        registrar.register(Request.ID, Request.class, new RequestHandler(module));
        registrar.register(RequestBatch.ID, RequestBatch.class, new BatchHandler(module));
    }
}
