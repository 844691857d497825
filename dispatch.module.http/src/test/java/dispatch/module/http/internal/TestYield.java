package dispatch.module.http.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dispatch.api.ProcessRef;
import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.api.YieldContext;
import dispatch.module.http.HttpFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One yield as a handler sees it, standing in for the runtime: a context that can be
 * cancelled and a receiver that records every completion, so that a test can tell a missing,
 * a double and a forbidden (after cancellation) completion apart.
 */
final class TestYield implements YieldContext, ResultReceiver {

    static final long TIMEOUT_SECONDS = 20;
    private static final AtomicInteger TAGS = new AtomicInteger();

    private final long tag = TAGS.incrementAndGet();
    private final CompletableFuture<Object> result = new CompletableFuture<>();
    private final AtomicInteger completions = new AtomicInteger();
    private final AtomicInteger afterCancel = new AtomicInteger();
    private final List<Runnable> actions = new ArrayList<>(); // guarded by this
    private boolean cancelled; // guarded by this

    @Override
    public long tag() {
        return tag;
    }

    @Override
    public ProcessRef process() {
        return new ProcessRef() {
            @Override
            public long pid() {
                return 1;
            }

            @Override
            public boolean isAlive() {
                return true;
            }

            @Override
            public boolean send(Object message) {
                return false;
            }

            @Override
            public Subscription onExit(Runnable action) {
                return () -> { };
            }
        };
    }

    @Override
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    @Override
    public long deadlineNanos() {
        return NO_DEADLINE;
    }

    @Override
    public Subscription onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return () -> {
                    synchronized (this) {
                        actions.remove(action);
                    }
                };
            }
        }
        action.run();
        return () -> { };
    }

    /** Cancels the yield as the runtime would: the actions run on this thread. */
    void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            cancelled = true;
            toRun = new ArrayList<>(actions);
            actions.clear();
        }
        toRun.forEach(Runnable::run);
    }

    synchronized int cancelActions() {
        return actions.size();
    }

    @Override
    public boolean completeYield(long tag, Object data, Throwable error) {
        assertEquals("completed with a foreign tag", this.tag, tag);
        if (isCancelled()) {
            afterCancel.incrementAndGet();
        }
        if (completions.incrementAndGet() > 1) {
            return false;
        }
        if (error != null) {
            result.completeExceptionally(error);
        } else {
            result.complete(data);
        }
        return true;
    }

    /** The value of a successful result; fails the test on an error or none in time. */
    @SuppressWarnings("unchecked")
    <T> T value() throws Exception {
        try {
            return (T) result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the yield failed: " + e.getCause(), e.getCause());
        }
    }

    /** The error of a failed result. */
    Throwable error() throws Exception {
        try {
            Object value = result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError("the yield succeeded with " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("no result within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    /** The {@link HttpFailure} of a failed result, of the expected kind. */
    HttpFailure failure(HttpFailure.Kind kind) throws Exception {
        Throwable error = error();
        if (!(error instanceof HttpFailure failure)) {
            throw new AssertionError("expected an HttpFailure " + kind + ", got " + error, error);
        }
        assertEquals("kind of " + failure.getMessage(), kind, failure.kind());
        return failure;
    }

    int completions() {
        return completions.get();
    }

    /** Asserts that the yield was completed exactly once and never after a cancellation. */
    void assertCompletedOnce() {
        assertEquals("completions", 1, completions.get());
        assertEquals("completions after cancellation", 0, afterCancel.get());
    }

    /** Asserts that a cancelled yield was never completed. */
    void assertNeverCompleted() {
        assertTrue("cancelled", isCancelled());
        if (completions.get() != 0) {
            org.junit.Assert.fail("a cancelled yield was completed " + completions.get() + " time(s): " + result);
        }
    }
}
