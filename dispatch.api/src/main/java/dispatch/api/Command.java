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
     *
     * <p>It is called once the process consumed a result that the handler (or the runtime,
     * for an unknown ID or a missing module) gave. It is not called for a yield that was
     * cancelled or timed out, since its handler may still be reading the command: such a
     * command is left to the garbage collector.
     */
    default void release() {
    }
}
