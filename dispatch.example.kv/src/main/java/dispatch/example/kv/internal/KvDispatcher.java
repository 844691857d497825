package dispatch.example.kv.internal;

import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import dispatch.example.kv.Delete;
import dispatch.example.kv.Get;
import dispatch.example.kv.Keys;
import dispatch.example.kv.Put;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Publishes the 'kv' module. The work is a map operation, so each handler completes at once on
 * the calling worker: a handler only needs another thread when its work blocks or waits.
 */
@Component(configurationPid = "dispatch.example.kv", property = Dispatcher.MODULE_PROPERTY + "=kv")
@Designate(ocd = KvConfig.class)
public final class KvDispatcher implements Dispatcher {

    private final KvStore store;

    @Activate
    public KvDispatcher(KvConfig config) {
        this.store = new KvStore(config.max_entries(), config.max_length());
    }

    @Override
    public String moduleName() {
        return "kv";
    }

    @Override
    public void registerAll(Registrar registrar) {
        registrar.register(Put.ID, "KvPut", (context, command, tag, receiver) -> {
            Put put = (Put) command;
            receiver.complete(tag, store.put(put.key(), put.value()));
        });
        registrar.register(Get.ID, "KvGet",
                (context, command, tag, receiver) -> receiver.complete(tag, store.get(((Get) command).key())));
        registrar.register(Delete.ID, "KvDelete",
                (context, command, tag, receiver) -> receiver.complete(tag, store.delete(((Delete) command).key())));
        registrar.register(Keys.ID, "KvKeys",
                (context, command, tag, receiver) -> receiver.complete(tag, store.keys(((Keys) command).prefix())));
    }
}
