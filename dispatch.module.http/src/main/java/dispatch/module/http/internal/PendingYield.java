package dispatch.module.http.internal;

import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.api.YieldContext;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ties one yield to the work that serves it, so that whichever comes first wins once: the
 * work's completion (the yield gets its result), the yield's cancellation (the work is aborted
 * and the yield gets nothing), or the module stopping (the work is aborted and the yield gets
 * a {@code module-left} error).
 */
final class PendingYield {

    private final HttpModule module;
    private final YieldContext context;
    private final long tag;
    private final ResultReceiver receiver;
    private final CompletableFuture<?> work;
    private final Runnable abort;
    private final AtomicBoolean over = new AtomicBoolean();
    private volatile Subscription cancelling;

    PendingYield(HttpModule module, YieldContext context, long tag, ResultReceiver receiver,
            CompletableFuture<?> work, Runnable abort) {
        this.module = module;
        this.context = context;
        this.tag = tag;
        this.receiver = receiver;
        this.work = work;
        this.abort = abort;
    }

    /** Starts watching the yield and the work; call once. */
    void watch() {
        module.pending.add(this);
        // Registered before the completion, so that finished() can close it.
        cancelling = context.onCancel(this::cancelled);
        work.whenComplete(this::finished);
        if (module.isClosed()) {
            moduleLeft(); // closed while we were registering: close() may have missed us
        }
    }

    private void finished(Object value, Throwable error) {
        if (!end()) {
            return;
        }
        // The yield was never cancelled when we won, but it may have been since: the runtime
        // then ignores the completion, and checking first spares it the work.
        if (!context.isCancelled()) {
            receiver.completeYield(tag, error == null ? value : null, error == null ? null : Failures.unwrap(error));
        }
    }

    private void cancelled() {
        if (end()) {
            abort.run();
        }
    }

    /** The module stops: abort the work and tell the yield why. */
    void moduleLeft() {
        if (end()) {
            abort.run();
            if (!context.isCancelled()) {
                receiver.fail(tag, Failures.moduleStopped());
            }
        }
    }

    private boolean end() {
        if (!over.compareAndSet(false, true)) {
            return false;
        }
        module.pending.remove(this);
        Subscription subscription = cancelling;
        if (subscription != null) {
            subscription.close();
        }
        return true;
    }
}
