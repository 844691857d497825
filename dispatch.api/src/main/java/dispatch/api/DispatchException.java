package dispatch.api;

import java.util.Objects;

/**
 * The error result of a yield that failed for a reason the runtime or a module can name.
 * {@link #code()} says what kind of failure it is, so processes can react without parsing
 * messages; modules may define their own codes (and subclasses, e.g. carrying an SQLState).
 */
public class DispatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** No handler is registered for the command ID. */
    public static final String UNKNOWN_COMMAND = "unknown-command";
    /** The module that owns the ID is not there now. */
    public static final String MODULE_UNAVAILABLE = "module-unavailable";
    /** The module left while the yield was in flight. */
    public static final String MODULE_LEFT = "module-left";
    /** The handler threw or failed the yield with an exception of its own. */
    public static final String HANDLER_FAILED = "handler-failed";
    /** The yield was cancelled. */
    public static final String CANCELLED = "cancelled";
    /** The yield's deadline passed. */
    public static final String TIMEOUT = "timeout";
    /** The command's arguments are invalid. */
    public static final String INVALID_ARGUMENT = "invalid-argument";
    /** The target process does not exist (any more). */
    public static final String NO_SUCH_PROCESS = "no-such-process";
    /** The handle belongs to another process. */
    public static final String NOT_OWNER = "not-owner";
    /** The runtime is shutting down. */
    public static final String SHUTDOWN = "shutdown";

    private final String code;

    public DispatchException(String code, String message) {
        this(code, message, null);
    }

    public DispatchException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The failure's kind, one of the constants of this class or a module's own. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
