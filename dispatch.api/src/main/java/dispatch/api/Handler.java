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
 * (and the handler must then not complete the tag): {@code handler-failed}, or the
 * {@link DispatchException} as it was thrown.
 *
 * <p><b>When the module leaves</b> (its bundle is stopped, updated or refreshed), DS
 * unregisters its {@link Dispatcher} service before it deactivates the component, and from then
 * on the runtime routes no new yield to the module's handlers: they fail at once with
 * {@code module-unavailable}. A call whose route was read just before the departure can still
 * reach the handler, during the component's deactivation or even after it. A handler may refuse
 * such a call by throwing anything (the module stopped its threads, its class loader is gone):
 * the process then gets {@code module-left}, not {@code handler-failed}, and may retry once the
 * module is back. Yields the handler took before the departure may still be completed within the
 * runtime's grace period ({@code module.leave.grace.ms} of {@code dispatch.runtime}); those it
 * does not complete get {@code module-left} when it ends. So a process sees exactly one result
 * per yield, and a departure shows only as {@code module-unavailable} or {@code module-left}.
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
