package dispatch.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a handler knows about the yield it serves. A yield is cancelled when its process
 * cancels it, when its deadline passes, when the process ends, or when the runtime stops;
 * after that the handler must not complete it and should stop its work.
 *
 * <p>The runtime may reuse a context object for a later yield once this yield's result was
 * consumed, so a handler must drop the context once it completed the yield. A context whose
 * yield was cancelled is never reused: it stays cancelled. {@link #tag()} always tells which
 * yield a context serves now.
 */
@ProviderType
public interface YieldContext {

    /** {@link #deadlineNanos()} of a yield without a deadline. */
    long NO_DEADLINE = Long.MAX_VALUE;

    /** The yield's correlation tag. */
    long tag();

    /** The process that yielded; valid beyond this yield, e.g. to send it messages later. */
    ProcessRef process();

    /** Whether the yield was cancelled. */
    boolean isCancelled();

    /**
     * The deadline in {@link System#nanoTime()} terms, or {@link #NO_DEADLINE}. When it passes
     * the runtime completes the yield with a {@link DispatchException#TIMEOUT} error and cancels it.
     */
    long deadlineNanos();

    /**
     * Whether the yielding process does nothing but wait for this yield's result, on the thread
     * that calls the handler: a blocking-style process in {@code ProcessContext.call} (not in
     * {@code callAll}, whose other yields should go on meanwhile, and never a worker). A handler
     * of blocking work (JDBC, files) may then do it right there instead of handing it to another
     * thread and back, since blocking this thread costs the process nothing it would not pay
     * anyway. The work must still honour cancellation through {@link #onCancel}: a terminated
     * process's thread is also interrupted. The default is {@code false}.
     *
     * @since 1.0 (added before the first release)
     */
    default boolean callerWaits() {
        return false;
    }

    /**
     * Runs {@code action} once when the yield is cancelled, at once if it already is. The
     * action runs on the cancelling thread: keep it short (abort a request, cancel a statement).
     *
     * @return a subscription to close when the work finished and the action is no longer needed
     */
    Subscription onCancel(Runnable action);
}
