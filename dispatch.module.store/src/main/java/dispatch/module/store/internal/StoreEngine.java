package dispatch.module.store.internal;

import dispatch.api.DispatchException;
import dispatch.api.Registrar;
import dispatch.api.ResultReceiver;
import dispatch.api.YieldContext;
import dispatch.module.store.CompareAndSet;
import dispatch.module.store.Delete;
import dispatch.module.store.Get;
import dispatch.module.store.Has;
import dispatch.module.store.ListEntries;
import dispatch.module.store.PutIfAbsent;
import dispatch.module.store.Set;
import dispatch.module.store.StoreFailure;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/**
 * The handlers of the store commands. Each checks its command, finds the store and runs the
 * operation: a memory store's on the worker (it never blocks), a sql store's on the thread of a
 * process that only waits for it when the store allows, else on the module's bounded JDBC
 * executor, never on a worker.
 */
final class StoreEngine {

    /** One operation on a store at wall-clock time {@code now}. */
    @FunctionalInterface
    private interface Operation {
        Object run(Backend store, long now);
    }

    private final Stores stores;
    private final Executor blockingWork;
    private final LongSupplier wallClock;

    /**
     * @param wallClock the time in milliseconds since the epoch (entries' expiry outlives the JVM)
     */
    StoreEngine(Stores stores, Executor blockingWork, LongSupplier wallClock) {
        this.stores = stores;
        this.blockingWork = blockingWork;
        this.wallClock = wallClock;
    }

    void registerAll(Registrar registrar) {
        registrar.register(Get.ID, Get.class, (context, get, tag, receiver) -> {
            String key = Checks.key(get.key());
            run(context, tag, receiver, stores.get(get.store()), (store, now) -> store.get(key, now));
        });
        registrar.register(Set.ID, Set.class, (context, set, tag, receiver) -> {
            String key = Checks.key(set.key());
            Backend target = stores.get(set.store());
            Value value = Checks.value(set.value(), target.maxValueBytes(), target.name());
            long now = wallClock.getAsLong();
            long expiresAt = Checks.expiresAt(set.ttl(), now);
            run(context, tag, receiver, target, (store, at) -> store.set(key, value, expiresAt, at));
        });
        registrar.register(Delete.ID, Delete.class, (context, delete, tag, receiver) -> {
            String key = Checks.key(delete.key());
            run(context, tag, receiver, stores.get(delete.store()), (store, now) -> store.delete(key, now));
        });
        registrar.register(Has.ID, Has.class, (context, has, tag, receiver) -> {
            String key = Checks.key(has.key());
            run(context, tag, receiver, stores.get(has.store()), (store, now) -> store.has(key, now));
        });
        registrar.register(ListEntries.ID, "List", ListEntries.class, (context, list, tag, receiver) -> {
            String prefix = Checks.prefix(list.prefix());
            int limit = Checks.limit(list.limit());
            run(context, tag, receiver, stores.get(list.store()),
                    (store, now) -> store.list(prefix, list.after(), limit, now));
        });
        registrar.register(CompareAndSet.ID, CompareAndSet.class, (context, cas, tag, receiver) -> {
            String key = Checks.key(cas.key());
            Backend target = stores.get(cas.store());
            Value value = Checks.value(cas.value(), target.maxValueBytes(), target.name());
            long expiresAt = Checks.expiresAt(cas.ttl(), wallClock.getAsLong());
            long expected = cas.expectedVersion();
            run(context, tag, receiver, target,
                    (store, now) -> store.compareAndSet(key, expected, value, expiresAt, now));
        });
        registrar.register(PutIfAbsent.ID, PutIfAbsent.class, (context, put, tag, receiver) -> {
            String key = Checks.key(put.key());
            Backend target = stores.get(put.store());
            Value value = Checks.value(put.value(), target.maxValueBytes(), target.name());
            long expiresAt = Checks.expiresAt(put.ttl(), wallClock.getAsLong());
            run(context, tag, receiver, target, (store, now) -> store.putIfAbsent(key, value, expiresAt, now));
        });
    }

    private void run(YieldContext context, long tag, ResultReceiver receiver, Backend store, Operation operation) {
        if (!store.blocking() || (context.callerWaits() && store.callerMayRun())) {
            receiver.complete(tag, operation.run(store, wallClock.getAsLong()));
            return;
        }
        try {
            blockingWork.execute(new Job(context, tag, receiver, store, operation));
        } catch (RejectedExecutionException e) {
            if (blockingWork instanceof ExecutorService executor && executor.isShutdown()) {
                throw new StoreFailure(DispatchException.MODULE_LEFT, "the store module is stopping; store '"
                        + store.name() + "' was not touched", e);
            }
            throw new StoreFailure(StoreFailure.OVERLOADED, "the store module's JDBC threads and their queue are"
                    + " full; store '" + store.name() + "' was not touched", e);
        }
    }

    /** Fails the jobs that never ran because the module stopped. */
    static void abandon(List<Runnable> queued) {
        for (Runnable work : queued) {
            if (work instanceof Job job) {
                job.receiver.fail(job.tag, new StoreFailure(DispatchException.MODULE_LEFT,
                        "the store module stopped before store '" + job.store.name() + "' was touched"));
            }
        }
    }

    /** A store operation for a JDBC thread. */
    private final class Job implements Runnable {

        private final YieldContext context;
        private final long tag;
        private final ResultReceiver receiver;
        private final Backend store;
        private final Operation operation;

        Job(YieldContext context, long tag, ResultReceiver receiver, Backend store, Operation operation) {
            this.context = context;
            this.tag = tag;
            this.receiver = receiver;
            this.store = store;
            this.operation = operation;
        }

        @Override
        public void run() {
            if (context.isCancelled()) {
                return; // nobody waits for it: write nothing
            }
            try {
                receiver.complete(tag, operation.run(store, wallClock.getAsLong()));
            } catch (StoreFailure e) {
                receiver.fail(tag, e);
            } catch (RuntimeException e) {
                receiver.fail(tag, new StoreFailure(StoreFailure.STORE_ERROR, "store '" + store.name() + "' failed: " + e, e));
            }
        }
    }
}
