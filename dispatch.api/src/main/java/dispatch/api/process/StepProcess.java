package dispatch.api.process;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A process in the step model: the runtime calls {@link #step} on a worker whenever the
 * process has something to do, with the events that arrived since the last step. The
 * process yields commands into the output and returns at once; it is never run by two
 * workers at the same time, so it needs no synchronisation of its own.
 *
 * <p>A step that throws ends the process abnormally with the exception as the reason.
 */
@ConsumerType
@FunctionalInterface
public interface StepProcess {

    /**
     * Runs one step.
     *
     * @param events the events delivered since the last step, in completion order; empty on
     *               the first step. Valid only during this call.
     * @param output where the step yields commands
     * @return what the runtime should do next
     * @throws Exception to end the process abnormally
     */
    Status step(Events events, StepOutput output) throws Exception;

    /** A name for listings; the class name by default. */
    default String name() {
        return getClass().getSimpleName();
    }
}
