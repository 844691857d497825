package dispatch.module.http;

import dispatch.api.Command;
import dispatch.api.process.Outcome;
import java.util.List;

/**
 * Many requests at once (command ID {@value #ID}). Completes with one {@link Outcome} per
 * request, in the order of {@link #requests()}: a {@link Response} or that request's own
 * {@link HttpFailure}. At most {@link #concurrency()} of them run at a time (and never more
 * than the module allows). The batch itself fails only when it is invalid (empty requests are
 * fine, too many are not). Cancelling the yield aborts every request still running.
 *
 * @param requests    the requests
 * @param concurrency how many may run at once; 0 for the module's default
 */
public record RequestBatch(List<Request> requests, int concurrency) implements Command<List<Outcome<Response>>> {

    /** The command ID of a batch. */
    public static final int ID = 61;

    public RequestBatch {
        requests = List.copyOf(requests);
        if (concurrency < 0) {
            throw new IllegalArgumentException("concurrency must be 0 (the default) or positive: " + concurrency);
        }
    }

    @Override
    public int id() {
        return ID;
    }

    /** A batch with the module's default concurrency. */
    public static RequestBatch of(List<Request> requests) {
        return new RequestBatch(requests, 0);
    }

    /** A batch with the module's default concurrency. */
    public static RequestBatch of(Request... requests) {
        return new RequestBatch(List.of(requests), 0);
    }

    /** This batch with another concurrency cap. */
    public RequestBatch withConcurrency(int concurrency) {
        return new RequestBatch(requests, concurrency);
    }
}
