package dispatch.bench.clock;

import dispatch.api.Dispatcher;
import dispatch.api.Handler;
import dispatch.api.Registrar;
import dispatch.api.ResultReceiver;
import dispatch.bench.StubYieldContext;
import dispatch.module.clock.Sleep;
import dispatch.module.clock.internal.ClockDispatcher;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A way to put many sleepers to sleep at once, each identified by an index, and to learn when
 * each one woke. The scale run drives every engine the same way.
 */
interface SleepEngine extends AutoCloseable {

    /** Called once per sleeper, on the engine's waking thread. */
    interface Waker {
        void woke(int index);
    }

    String name();

    /** Puts sleeper {@code index} to sleep for {@code duration}. */
    void sleep(int index, Duration duration);

    @Override
    void close();

    /**
     * The clock module as the runtime calls it: its {@code Sleep} handler, obtained through
     * {@link Dispatcher#registerAll}, with the yield's tag as the sleeper's index. The one
     * shared context registers no cancel action (the runtime's cost of that is measured by the
     * process-level run), so the heap figure is the clock's own.
     */
    final class ClockModule extends StubYieldContext implements SleepEngine, ResultReceiver {

        private final ClockDispatcher dispatcher = new ClockDispatcher();
        private final Waker waker;
        private Handler sleepHandler;

        ClockModule(Waker waker) {
            this.waker = waker;
            dispatcher.registerAll(new Registrar() {
                @Override
                public void register(int id, String commandName, Handler handler) {
                    if (id == Sleep.ID) {
                        sleepHandler = handler;
                    }
                }
            });
        }

        @Override
        public String name() {
            return "clock module (timing wheel)";
        }

        @Override
        public void sleep(int index, Duration duration) {
            try {
                sleepHandler.handle(this, new Sleep(duration), index, this);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean completeYield(long tag, Object data, Throwable error) {
            if (error == null) {
                waker.woke((int) tag);
            } // else: aborted because the run closed the clock with the sleeper still asleep
            return true;
        }

        @Override
        public void close() {
            dispatcher.deactivate();
        }
    }

    /**
     * The usual alternative: a {@code ScheduledThreadPoolExecutor} with one thread and one
     * {@code ScheduledFuture} per sleeper, cancelled futures removed from its queue.
     */
    final class Stpe implements SleepEngine {

        private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1);
        private final Waker waker;

        Stpe(Waker waker) {
            this.waker = waker;
            executor.setRemoveOnCancelPolicy(true);
        }

        @Override
        public String name() {
            return "ScheduledThreadPoolExecutor(1)";
        }

        @Override
        public void sleep(int index, Duration duration) {
            executor.schedule(() -> waker.woke(index), duration.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
