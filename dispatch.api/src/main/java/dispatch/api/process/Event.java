package dispatch.api.process;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One event delivered to a {@link StepProcess}: the result of a yield, or a message. Event
 * objects are reused by the runtime: read them during the step, do not keep them.
 */
@ProviderType
public interface Event {

    /** What an event is. */
    enum Kind {
        /** The result of a yield; {@link #tag()} says which. */
        RESULT,
        /** A message sent to the process, including {@link Down} notices. */
        MESSAGE
    }

    Kind kind();

    /** The tag of a result; 0 for a message. */
    long tag();

    /** The result's value or the message; {@code null} for a failed result. */
    Object value();

    /** The failure of a failed result, otherwise {@code null}. */
    Throwable error();

    /** Whether this is a failed result. */
    default boolean failed() {
        return error() != null;
    }

    /** Whether this is the result of the yield with {@code tag}. */
    default boolean isResultOf(long tag) {
        return kind() == Kind.RESULT && tag() == tag;
    }
}
