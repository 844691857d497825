package dispatch.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link Handler} of one command type: it gets the command as that type, so it needs no cast.
 * Register it with {@link Registrar#register(int, Class, TypedHandler)}; the registrar checks the
 * type of every command before it calls the handler, and a command of another type (a process
 * that built its own command with a foreign ID) fails the yield with
 * {@link DispatchException#INVALID_ARGUMENT}. Apart from the command's type the contract is
 * {@link Handler}'s.
 *
 * @param <C> the command type
 * @since 1.1
 */
@ConsumerType
@FunctionalInterface
public interface TypedHandler<C extends Command<?>> {

    /**
     * Starts the work of one yielded command, as {@link Handler#handle} does.
     *
     * @param context  the yield's context: its process, cancellation and deadline
     * @param command  the command, never of another type
     * @param tag      the correlation tag to complete
     * @param receiver where the result goes
     * @throws Exception when the command cannot even be started; becomes the error result
     */
    void handle(YieldContext context, C command, long tag, ResultReceiver receiver) throws Exception;
}
