package dispatch.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A handle on a process, given to handlers so that work that outlives one yield (a ticker, a
 * subscription) can talk to the process and clean up when it ends.
 */
@ProviderType
public interface ProcessRef {

    /** The process ID, unique for the life of the runtime. */
    long pid();

    /** Whether the process is still running. */
    boolean isAlive();

    /**
     * Puts a message into the process's queue; it arrives as a message event, not as a yield
     * result. Safe from any thread.
     *
     * @return {@code false} when the process has ended
     */
    boolean send(Object message);

    /**
     * Puts a message into the process's queue, like {@link #send(Object)}, and runs {@code onTaken}
     * once the process has taken it: after the step that was given it (a step process), or when
     * {@code receive} returned it (a blocking process). It lets a sender bound what it has put in
     * front of a process and not yet seen taken, without guessing. {@code onTaken} runs on the
     * process's thread: keep it short; it may send again. It never runs for a message that the
     * process did not take because it ended.
     *
     * <p>The default, for a {@code ProcessRef} that cannot tell, sends the message and never runs
     * {@code onTaken}: a sender waiting for it sends no more rather than guessing. The runtime's
     * processes and {@code dispatch.testing}'s {@code ProcessProbe} tell.
     *
     * @return {@code false} when the process has ended ({@code onTaken} then never runs)
     * @since 1.1
     */
    default boolean send(Object message, Runnable onTaken) {
        return send(message);
    }

    /**
     * Runs {@code action} once when the process ends, at once if it already has.
     *
     * @return a subscription to close when the action is no longer needed
     */
    Subscription onExit(Runnable action);
}
