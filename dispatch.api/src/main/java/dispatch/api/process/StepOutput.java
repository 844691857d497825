package dispatch.api.process;

import dispatch.api.Command;
import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/** Where a step yields its commands. Valid only during the step. */
@ProviderType
public interface StepOutput {

    /** The process's own ID. */
    long pid();

    /**
     * Yields a command. The result arrives later as a {@link Event.Kind#RESULT} event with the
     * returned tag; exactly one result arrives for every yield.
     *
     * @return the yield's tag, fresh from a process-local counter
     */
    long yield(Command<?> command);

    /**
     * Yields a command with a deadline: if no result arrived by then, the yield completes
     * with a {@code timeout} error and its handler sees the cancellation.
     */
    long yield(Command<?> command, Duration timeout);
}
