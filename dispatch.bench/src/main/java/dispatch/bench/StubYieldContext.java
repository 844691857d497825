package dispatch.bench;

import dispatch.api.ProcessRef;
import dispatch.api.Subscription;
import dispatch.api.YieldContext;

/**
 * A yield context for calling a handler straight, outside a runtime: tag 0, no deadline, never
 * cancelled, no process behind it, cancel actions dropped. Benchmarks override what they need.
 * Not {@code dispatch.testing.YieldProbe}: its bookkeeping (a future, a lock, counters per yield)
 * would be measured with the handler.
 */
public abstract class StubYieldContext implements YieldContext {

    private static final Subscription NO_SUBSCRIPTION = () -> { };

    @Override
    public long tag() {
        return 0;
    }

    @Override
    public ProcessRef process() {
        throw new UnsupportedOperationException("no process behind this yield");
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public long deadlineNanos() {
        return NO_DEADLINE;
    }

    @Override
    public Subscription onCancel(Runnable action) {
        return NO_SUBSCRIPTION;
    }
}
