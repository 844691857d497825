package dispatch.api.process;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link BlockingProcess} uses to yield and to receive. Use it only from the process's
 * own thread. Every blocking method throws {@link ProcessEndedException} once the process was
 * terminated, so that the process unwinds.
 */
@ProviderType
public interface ProcessContext {

    /** The process's own ID. */
    long pid();

    /**
     * Yields a command and waits for its result.
     *
     * @return the result's value
     * @throws DispatchException the yield's error result, with its code; other failures of
     *                           the handler arrive wrapped with code {@code handler-failed}
     */
    <R> R call(Command<R> command);

    /** Like {@link #call(Command)}, with a deadline. */
    <R> R call(Command<R> command, Duration timeout);

    /**
     * Yields all commands at once and waits until every one has its result.
     *
     * @return one outcome per command, in the order of the arguments
     */
    List<Outcome<?>> callAll(List<? extends Command<?>> commands);

    /** Waits for the next message (including {@link Down} notices). */
    Object receive();

    /** Waits at most {@code timeout} for the next message. */
    Optional<Object> receive(Duration timeout);
}
