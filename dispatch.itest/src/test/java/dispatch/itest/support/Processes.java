package dispatch.itest.support;

import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ProcessContext;
import dispatch.api.process.ProcessRuntime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs test code as a real process of the runtime and hands its outcome to the test thread. */
public final class Processes {

    private Processes() {
    }

    /** What a test process does; may throw, e.g. the error result of a yield. */
    @FunctionalInterface
    public interface Body<T> {
        T run(ProcessContext context) throws Exception;
    }

    /** A process started by {@link #spawn}: its PID and what its body returned or threw. */
    public record Spawned<T>(long pid, CompletableFuture<T> outcome) {

        /** Waits for the body's value; its exception is thrown as it was. */
        public T await() throws Exception {
            try {
                return outcome.get(Services.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }

        /** Waits for the exception the body threw; fails when it returned. */
        public Throwable awaitFailure() throws Exception {
            try {
                T value = outcome.get(Services.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                throw new AssertionError("the process returned " + value);
            } catch (ExecutionException e) {
                return e.getCause();
            }
        }
    }

    /** Spawns a blocking process that runs {@code body}. */
    public static <T> Spawned<T> spawn(ProcessRuntime runtime, Body<T> body) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        long pid = runtime.spawn((BlockingProcess) context -> {
            try {
                outcome.complete(body.run(context));
            } catch (Throwable e) {
                outcome.completeExceptionally(e);
                throw e;
            }
        });
        return new Spawned<>(pid, outcome);
    }

    /** Runs {@code body} in a process and waits for its value. */
    public static <T> T call(ProcessRuntime runtime, Body<T> body) throws Exception {
        return spawn(runtime, body).await();
    }
}
