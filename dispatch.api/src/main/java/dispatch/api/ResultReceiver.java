package dispatch.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Takes the result of a yield back to its process. Safe to call from any thread.
 *
 * <p>Every tag is completed at most once: a completion for an unknown, cancelled or already
 * completed tag is ignored (and counted by the runtime), never delivered twice.
 */
@ProviderType
public interface ResultReceiver {

    /**
     * Completes a yield.
     *
     * @param tag   the tag the handler was given
     * @param data  the value of a successful yield; ignored when {@code error} is set
     * @param error the failure, or {@code null} for success
     * @return {@code true} when the result was delivered, {@code false} when it was ignored
     */
    boolean completeYield(long tag, Object data, Throwable error);

    /** Completes a yield successfully. */
    default boolean complete(long tag, Object data) {
        return completeYield(tag, data, null);
    }

    /** Completes a yield with an error. */
    default boolean fail(long tag, Throwable error) {
        return completeYield(tag, null, error);
    }
}
