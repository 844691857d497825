package dispatch.module.http;

import dispatch.api.DispatchException;
import java.util.Locale;
import java.util.Objects;

/**
 * The error result of a request that got no usable response. {@link #kind()} says why;
 * {@link #code()} is {@link DispatchException#INVALID_ARGUMENT} for
 * {@link Kind#INVALID_REQUEST}, {@link DispatchException#TIMEOUT} for {@link Kind#TIMEOUT}, so
 * that code which handles those generally keeps working, and {@code http-<kind>} otherwise
 * (e.g. {@code http-refused}).
 */
public final class HttpFailure extends DispatchException {

    private static final long serialVersionUID = 1L;

    /** Why a request failed. */
    public enum Kind {
        /** The request cannot be sent: bad URL, scheme, method or header, or a batch too big. */
        INVALID_REQUEST(DispatchException.INVALID_ARGUMENT),
        /** The module's host rules do not allow the host (or an address it resolves to). */
        DENIED_HOST,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** The connection was refused or could not be made. */
        REFUSED,
        /** Connecting or the whole request took longer than allowed. */
        TIMEOUT(DispatchException.TIMEOUT),
        /** The TLS handshake or the TLS session failed. */
        TLS,
        /** The response body is larger than allowed. */
        TOO_LARGE,
        /** More redirects than allowed. */
        TOO_MANY_REDIRECTS,
        /** The module has more requests waiting than it accepts. */
        OVERLOADED,
        /** The connection failed in another way (reset, closed early, protocol error). */
        IO;

        private final String code;

        Kind() {
            this.code = "http-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        Kind(String code) {
            this.code = code;
        }

        /** The {@link DispatchException#code()} of a failure of this kind. */
        public String code() {
            return code;
        }
    }

    private final Kind kind;

    public HttpFailure(Kind kind, String message) {
        this(kind, message, null);
    }

    public HttpFailure(Kind kind, String message, Throwable cause) {
        super(Objects.requireNonNull(kind, "kind").code(), message, cause);
        this.kind = kind;
    }

    /** Why the request failed. */
    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "HttpFailure[" + kind + "]: " + getMessage();
    }
}
