package dispatch.api.process;

import java.util.Objects;

/**
 * Why a process ended.
 *
 * @param kind    normal or which kind of abnormal end
 * @param message a human explanation
 * @param cause   the exception that ended it, if any
 */
public record ExitReason(Kind kind, String message, Throwable cause) {

    /** The kinds of ends. Every kind but {@link #NORMAL} is abnormal and propagates over links. */
    public enum Kind {
        /** Returned or finished with {@link Status#DONE}. */
        NORMAL,
        /** Threw an exception. */
        FAILED,
        /** Terminated by another process, a shell command or a linked process. */
        TERMINATED,
        /** The runtime stopped. */
        SHUTDOWN,
        /**
         * The process was not running when a {@link Monitor} was set on it: the {@link Down}
         * notice can only say that it is gone, not how it ended. Never propagates over links,
         * since linking to such a process fails.
         */
        NO_SUCH_PROCESS
    }

    public static final ExitReason NORMAL_EXIT = new ExitReason(Kind.NORMAL, "normal", null);

    public ExitReason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    public boolean isNormal() {
        return kind == Kind.NORMAL;
    }

    public static ExitReason failed(Throwable cause) {
        return new ExitReason(Kind.FAILED, String.valueOf(cause), cause);
    }

    public static ExitReason terminated(String why) {
        return new ExitReason(Kind.TERMINATED, why, null);
    }

    /** The reason of a {@link Down} notice for a process that was not running. */
    public static ExitReason noSuchProcess(long pid) {
        return new ExitReason(Kind.NO_SUCH_PROCESS, "process " + pid + " is not running", null);
    }

    @Override
    public String toString() {
        return kind == Kind.NORMAL ? "normal" : kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + message;
    }
}
