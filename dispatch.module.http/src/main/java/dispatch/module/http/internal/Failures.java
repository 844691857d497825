package dispatch.module.http.internal;

import dispatch.api.DispatchException;
import dispatch.module.http.HttpFailure;
import dispatch.module.http.HttpFailure.Kind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/** Turns what the client threw into an {@link HttpFailure} with a kind and a plain message. */
final class Failures {

    private Failures() {
    }

    /**
     * @param error what failed
     * @param what  the request, e.g. {@code GET http://host/path}, for the message
     */
    static DispatchException of(Throwable error, String what) {
        Throwable cause = unwrap(error);
        if (cause instanceof DispatchException known) {
            return known;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new HttpFailure(Kind.TIMEOUT, what + ": connecting timed out", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new HttpFailure(Kind.TIMEOUT, what + ": timed out", cause);
        }
        if (find(cause, SSLException.class) != null) {
            return new HttpFailure(Kind.TLS, what + ": TLS failed: " + find(cause, SSLException.class).getMessage(), cause);
        }
        if (find(cause, UnresolvedAddressException.class) != null || find(cause, UnknownHostException.class) != null) {
            return new HttpFailure(Kind.UNKNOWN_HOST, what + ": the host name does not resolve", cause);
        }
        if (find(cause, ConnectException.class) != null || find(cause, NoRouteToHostException.class) != null) {
            return new HttpFailure(Kind.REFUSED, what + ": the connection was refused", cause);
        }
        if (cause instanceof IllegalArgumentException) {
            return new HttpFailure(Kind.INVALID_REQUEST, what + ": " + cause.getMessage(), cause);
        }
        if (cause instanceof IOException) {
            return new HttpFailure(Kind.IO, what + ": " + cause, cause);
        }
        return new DispatchException(DispatchException.HANDLER_FAILED, what + ": " + cause, cause);
    }

    /** The error of a request that arrives after the module stopped. */
    static DispatchException moduleStopped() {
        return new DispatchException(DispatchException.MODULE_LEFT, "the http module stopped");
    }

    static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return null;
    }
}
