package dispatch.bench;

import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ProcessContext;
import dispatch.api.process.ProcessRuntime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The process of a benchmark fixture: a blocking process that runs a batch of one operation each
 * time it is told to, so that handing it the batch costs next to nothing per operation, and the
 * operation runs where a user's would, inside a process.
 *
 * @param <W> the ways the fixture compares (dispatched, direct, ...)
 */
public final class BatchProcess<W> {

    /** One operation of a batch: the {@code i}-th, run {@code way}; returns its result. */
    @FunctionalInterface
    public interface Operation<W> {
        Object run(ProcessContext process, int i, W way);
    }

    private record Batch<W>(int count, W way) {
    }

    private final ProcessRuntime runtime;
    private final long pid;
    private volatile CompletableFuture<Object> batchDone;

    @SuppressWarnings("unchecked") // the process receives only the batches run() sends
    public BatchProcess(ProcessRuntime runtime, Operation<W> operation) {
        this.runtime = runtime;
        this.pid = runtime.spawn((BlockingProcess) process -> {
            while (true) {
                Batch<W> batch = (Batch<W>) process.receive();
                Object last = null;
                for (int i = 0; i < batch.count(); i++) {
                    last = operation.run(process, i, batch.way());
                }
                batchDone.complete(last);
            }
        });
    }

    /** Has the process run {@code count} operations {@code way}, and waits for it; returns the last result. */
    public Object run(int count, W way) throws Exception {
        CompletableFuture<Object> done = new CompletableFuture<>();
        batchDone = done;
        runtime.send(pid, new Batch<>(count, way));
        return done.get(120, TimeUnit.SECONDS);
    }
}
