package dispatch.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A request a process yields to a handler. Implementations are usually small records.
 *
 * @param <R> the type of the value a successful yield of this command completes with
 */
@ConsumerType
public interface Command<R> {

    /** The command ID, in {@value IdRange#MIN_ID}..{@value IdRange#MAX_ID}; see {@link IdRange}. */
    int id();

    /**
     * Called by the runtime once the yield of this command has its result, so that a pooled
     * command can clear its fields and return to its pool. The default does nothing.
     */
    default void release() {
    }
}
