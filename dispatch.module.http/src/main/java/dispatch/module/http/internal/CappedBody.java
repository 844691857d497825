package dispatch.module.http.internal;

import dispatch.module.http.HttpFailure;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a cap. Past the cap (or when {@code Content-Length} already
 * says it will be) it cancels its subscription, which makes the client drop the connection or
 * reset the stream, and fails with {@link HttpFailure.Kind#TOO_LARGE}: a hostile or broken server
 * cannot make the module buffer more than the cap. A body that is only counted, not kept (that
 * of a redirect being followed), obeys the same cap.
 */
final class CappedBody implements BodySubscriber<byte[]> {

    private static final byte[] NONE = new byte[0];
    private static final int FIRST_CHUNK = 8 * 1024;

    private final long cap;
    private final boolean keep;
    private final long declared;
    private final String what;
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    // Touched only by the client's delivery, which the Flow contract serialises.
    private byte[] buffer = NONE;
    private long received;

    /**
     * @param cap      the most bytes accepted
     * @param keep     whether to keep the bytes or only count them
     * @param declared the {@code Content-Length}, or -1
     * @param what     names the request in the failure message
     */
    CappedBody(long cap, boolean keep, long declared, String what) {
        this.cap = cap;
        this.keep = keep;
        this.declared = declared;
        this.what = what;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (declared > cap) {
            subscription.cancel();
            body.completeExceptionally(tooLarge("declares " + declared + " bytes"));
            return;
        }
        if (keep && declared > 0) {
            buffer = new byte[(int) declared];
        }
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (body.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int length = item.remaining();
            if (received + length > cap) {
                subscription.cancel();
                body.completeExceptionally(tooLarge("sent more than " + cap + " bytes"));
                return;
            }
            if (keep) {
                ensure(received + length);
                item.get(buffer, (int) received, length);
            }
            received += length;
        }
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        if (!keep || received == 0) {
            body.complete(NONE);
        } else {
            body.complete(received == buffer.length ? buffer : Arrays.copyOf(buffer, (int) received));
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }

    /** Stops reading: the request was cancelled or failed. Harmless when already done. */
    void abort() {
        Flow.Subscription current = subscription;
        if (current != null && !body.isDone()) {
            current.cancel();
        }
    }

    private void ensure(long size) {
        if (size > buffer.length) {
            long grown = Math.max(size, Math.max(FIRST_CHUNK, (long) buffer.length * 2));
            buffer = Arrays.copyOf(buffer, (int) Math.min(grown, Math.max(size, Math.min(cap, Integer.MAX_VALUE - 8))));
        }
    }

    private HttpFailure tooLarge(String detail) {
        return new HttpFailure(HttpFailure.Kind.TOO_LARGE,
                what + ": the response body " + detail + ", more than the limit of " + cap + " bytes");
    }
}
