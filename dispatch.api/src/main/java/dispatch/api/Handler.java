package dispatch.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Does the work of one command ID, whatever the type of the command yielded with it. A
 * handler of one command type is better written as a {@link TypedHandler}, which gets the
 * command typed and never one of another type; this raw form is what the registry calls.
 *
 * <p>{@code handle} starts the work and returns at once; it must not block the calling
 * worker. When the work is done the handler calls {@link ResultReceiver#completeYield}
 * exactly once with the given tag, from any thread, unless the context was cancelled in the
 * meantime. An exception thrown from {@code handle} itself becomes the yield's error result
 * (and the handler must then not complete the tag).
 */
@ConsumerType
@FunctionalInterface
public interface Handler {

    /**
     * Starts the work of one yielded command.
     *
     * @param context  the yield's context: its process, cancellation and deadline
     * @param command  the command as the process yielded it: of any type that has this ID
     * @param tag      the correlation tag to complete
     * @param receiver where the result goes
     * @throws Exception when the command cannot even be started; becomes the error result
     */
    void handle(YieldContext context, Command<?> command, long tag, ResultReceiver receiver) throws Exception;
}
