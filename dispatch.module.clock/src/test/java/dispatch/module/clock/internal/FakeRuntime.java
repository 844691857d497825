package dispatch.module.clock.internal;

import dispatch.api.Command;
import dispatch.api.Handler;
import dispatch.api.ProcessRef;
import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.api.YieldContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for the process runtime in unit tests: processes with a message queue and exit
 * actions, yields with cancellation, and a receiver that keeps the first result of each tag
 * (ignoring results of cancelled or completed tags, as the runtime does) and counts the rest.
 */
final class FakeRuntime implements ResultReceiver {

    /** One result, or the error the handler threw. */
    record Result(Object value, Throwable error) {
    }

    private final AtomicLong tags = new AtomicLong();
    private final AtomicLong pids = new AtomicLong();
    private final Map<Long, Result> results = new ConcurrentHashMap<>();
    private final Map<Long, FakeYield> yields = new ConcurrentHashMap<>();
    final AtomicInteger ignored = new AtomicInteger();
    /** Runs inside completeYield, before the result is stored: lets a test react "at once". */
    volatile java.util.function.LongConsumer onComplete = tag -> { };

    FakeProcess process() {
        return new FakeProcess(pids.incrementAndGet());
    }

    /** Yields {@code command} from {@code process} to {@code handler}, as a worker would. */
    FakeYield yield(FakeProcess process, Handler handler, Command<?> command) {
        FakeYield yield = new FakeYield(tags.incrementAndGet(), process);
        yields.put(yield.tag, yield);
        process.yields.add(yield);
        try {
            handler.handle(yield, command, yield.tag, this);
        } catch (Exception e) {
            completeYield(yield.tag, null, e);
        }
        return yield;
    }

    @Override
    public boolean completeYield(long tag, Object data, Throwable error) {
        FakeYield yield = yields.get(tag);
        if (yield == null || yield.cancelled) {
            ignored.incrementAndGet();
            return false;
        }
        onComplete.accept(tag);
        if (results.putIfAbsent(tag, new Result(error == null ? data : null, error)) != null) {
            ignored.incrementAndGet();
            return false;
        }
        return true;
    }

    /** The result of the yield, or null while it has none. */
    Result result(FakeYield yield) {
        return results.get(yield.tag);
    }

    /** A yield as the handler sees it. */
    final class FakeYield implements YieldContext {

        final long tag;
        final FakeProcess process;
        private final List<Runnable> cancelActions = new ArrayList<>();
        volatile boolean cancelled;

        FakeYield(long tag, FakeProcess process) {
            this.tag = tag;
            this.process = process;
        }

        @Override
        public long tag() {
            return tag;
        }

        @Override
        public ProcessRef process() {
            return process;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public long deadlineNanos() {
            return NO_DEADLINE;
        }

        @Override
        public synchronized Subscription onCancel(Runnable action) {
            if (cancelled) {
                action.run();
                return () -> { };
            }
            cancelActions.add(action);
            return () -> {
                synchronized (FakeYield.this) {
                    cancelActions.remove(action);
                }
            };
        }

        /** Cancels the yield unless it has a result, running the cancellation actions. */
        void cancel() {
            List<Runnable> actions;
            synchronized (this) {
                if (cancelled || results.containsKey(tag)) {
                    return;
                }
                cancelled = true;
                actions = new ArrayList<>(cancelActions);
                cancelActions.clear();
            }
            actions.forEach(Runnable::run);
        }

        Result result() {
            return FakeRuntime.this.result(this);
        }
    }

    /** A process: its messages and its exit actions. */
    final class FakeProcess implements ProcessRef {

        final long pid;
        final ConcurrentLinkedQueue<Object> messages = new ConcurrentLinkedQueue<>();
        final List<FakeYield> yields = new ArrayList<>();
        private final List<Runnable> exitActions = new ArrayList<>();
        private volatile boolean alive = true;

        FakeProcess(long pid) {
            this.pid = pid;
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean isAlive() {
            return alive;
        }

        @Override
        public boolean send(Object message) {
            if (!alive) {
                return false;
            }
            messages.add(message);
            return true;
        }

        @Override
        public synchronized Subscription onExit(Runnable action) {
            if (!alive) {
                action.run();
                return () -> { };
            }
            exitActions.add(action);
            return () -> {
                synchronized (FakeProcess.this) {
                    exitActions.remove(action);
                }
            };
        }

        synchronized int exitActions() {
            return exitActions.size();
        }

        /** Ends the process without running its exit actions (a runtime that lost track). */
        void exitWithoutNotice() {
            alive = false;
        }

        /** Ends the process: its yields are cancelled, then its exit actions run. */
        void exit() {
            List<Runnable> actions;
            synchronized (this) {
                alive = false;
                actions = new ArrayList<>(exitActions);
                exitActions.clear();
            }
            new ArrayList<>(yields).forEach(FakeYield::cancel);
            actions.forEach(Runnable::run);
        }
    }
}
