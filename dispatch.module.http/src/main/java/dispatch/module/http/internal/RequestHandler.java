package dispatch.module.http.internal;

import dispatch.api.ResultReceiver;
import dispatch.api.TypedHandler;
import dispatch.api.YieldContext;
import dispatch.module.http.Request;

/** Serves {@link Request}: one exchange per yield. */
final class RequestHandler implements TypedHandler<Request> {

    private final HttpModule module;

    RequestHandler(HttpModule module) {
        this.module = module;
    }

    @Override
    public void handle(YieldContext context, Request request, long tag, ResultReceiver receiver) {
        if (module.isClosed()) {
            throw Failures.moduleStopped();
        }
        Exchange exchange = module.engine().start(request);
        module.serve(context, tag, receiver, exchange.result(), exchange::cancel);
    }
}
