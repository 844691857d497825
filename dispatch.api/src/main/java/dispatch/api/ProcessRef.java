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
     * Runs {@code action} once when the process ends, at once if it already has.
     *
     * @return a subscription to close when the action is no longer needed
     */
    Subscription onExit(Runnable action);
}
