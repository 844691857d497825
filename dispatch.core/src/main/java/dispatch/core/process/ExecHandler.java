package dispatch.core.process;

import dispatch.api.DispatchException;
import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.api.TypedHandler;
import dispatch.api.YieldContext;
import dispatch.api.process.Exec;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs an {@link Exec} task off the workers, on a virtual thread where the JVM has them.
 * Cancelling the yield interrupts the task; a cancelled task completes nothing.
 */
final class ExecHandler implements TypedHandler<Exec<?>> {

    @Override
    public void handle(YieldContext context, Exec<?> exec, long tag, ResultReceiver receiver) {
        Callable<?> body = exec.task();
        if (body == null) {
            throw new DispatchException(DispatchException.INVALID_ARGUMENT, "Exec needs a task, not null");
        }
        Task task = new Task(body, tag, receiver);
        // registered before the task starts, so it never lands on a later yield of a reused context
        task.cancellation = context.onCancel(() -> task.cancel(true));
        if (!ProcessDispatcher.runtime(context).execute(task)) {
            task.cancellation.close();
            throw new DispatchException(DispatchException.SHUTDOWN, "the runtime is stopping");
        }
    }

    private static final class Task extends FutureTask<Object> {
        private final long tag;
        private final ResultReceiver receiver;
        volatile Subscription cancellation;

        @SuppressWarnings("unchecked")
        Task(Callable<?> body, long tag, ResultReceiver receiver) {
            super((Callable<Object>) body);
            this.tag = tag;
            this.receiver = receiver;
        }

        @Override
        protected void done() {
            if (isCancelled()) {
                return; // the yield was cancelled: its result is the cancellation
            }
            cancellation.close();
            try {
                receiver.complete(tag, get());
            } catch (ExecutionException failed) {
                receiver.fail(tag, failed.getCause());
            } catch (InterruptedException impossible) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
