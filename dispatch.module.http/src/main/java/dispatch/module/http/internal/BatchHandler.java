package dispatch.module.http.internal;

import dispatch.api.ResultReceiver;
import dispatch.api.TypedHandler;
import dispatch.api.YieldContext;
import dispatch.module.http.HttpFailure;
import dispatch.module.http.RequestBatch;

/** Serves {@link RequestBatch}: one {@link BatchRun} per yield, within the module's batch limits. */
final class BatchHandler implements TypedHandler<RequestBatch> {

    private final HttpModule module;

    BatchHandler(HttpModule module) {
        this.module = module;
    }

    @Override
    public void handle(YieldContext context, RequestBatch batch, long tag, ResultReceiver receiver) {
        if (module.isClosed()) {
            throw Failures.moduleStopped();
        }
        Engine engine = module.engine();
        int size = batch.requests().size();
        if (size > engine.settings.maxBatchSize()) {
            throw new HttpFailure(HttpFailure.Kind.INVALID_REQUEST,
                    "a batch of " + size + " requests is more than the limit of " + engine.settings.maxBatchSize());
        }
        BatchRun run = new BatchRun(engine, batch.requests());
        // Watch first: a request that fails at once must not complete the batch before anyone listens.
        module.serve(context, tag, receiver, run.result(), run::cancel);
        run.start(engine.settings.concurrencyFor(batch.concurrency()));
    }
}
