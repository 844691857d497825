package dispatch.example.kv.internal;

import dispatch.api.DispatchModule;
import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import dispatch.example.kv.api.Delete;
import dispatch.example.kv.api.Get;
import dispatch.example.kv.api.Keys;
import dispatch.example.kv.api.Put;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Publishes the 'kv' module. The work is a map operation, so each handler completes at once on
 * the calling worker: a handler only needs another thread when its work blocks or waits.
 */
@Component(configurationPid = "dispatch.example.kv")
@DispatchModule("kv")
@Designate(ocd = KvConfig.class)
public final class KvDispatcher implements Dispatcher {

    private final KvStore store;

    @Activate
    public KvDispatcher(KvConfig config) {
        this.store = new KvStore(config.max_entries(), config.max_length());
    }

    @Override
    public void registerAll(Registrar registrar) {
        registrar.register(Put.ID, "KvPut", Put.class,
                (context, put, tag, receiver) -> receiver.complete(tag, store.put(put.key(), put.value())));
        registrar.register(Get.ID, "KvGet", Get.class,
                (context, get, tag, receiver) -> receiver.complete(tag, store.get(get.key())));
        registrar.register(Delete.ID, "KvDelete", Delete.class,
                (context, delete, tag, receiver) -> receiver.complete(tag, store.delete(delete.key())));
        registrar.register(Keys.ID, "KvKeys", Keys.class,
                (context, keys, tag, receiver) -> receiver.complete(tag, store.keys(keys.prefix())));
    }
}
