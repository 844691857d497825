package dispatch.module.http.internal;

import dispatch.api.Command;
import dispatch.api.Handler;
import dispatch.api.ResultReceiver;
import dispatch.api.YieldContext;
import dispatch.module.http.Request;

/** Serves {@link Request}: one exchange per yield. */
final class RequestHandler implements Handler {

    private final HttpModule module;

    RequestHandler(HttpModule module) {
        this.module = module;
    }

    @Override
    public void handle(YieldContext context, Command<?> command, long tag, ResultReceiver receiver) {
        if (module.isClosed()) {
            throw Failures.moduleStopped();
        }
        Exchange exchange = module.engine().start((Request) command);
        module.serve(context, tag, receiver, exchange.result(), exchange::cancel);
    }
}
