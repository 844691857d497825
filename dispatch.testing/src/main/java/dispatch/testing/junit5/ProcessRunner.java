package dispatch.testing.junit5;

import dispatch.api.Command;
import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessRuntime;
import dispatch.testing.DispatchTesting;
import java.time.Duration;
import org.osgi.framework.BundleContext;

/**
 * Runs processes for a test, each bounded by the test's timeout ({@link DispatchTest#timeoutSeconds}):
 * a process still running then is terminated and the test fails. Resolved as a parameter by
 * {@link DispatchExtension}.
 */
public final class ProcessRunner {

    private final BundleContext context;
    private final Duration timeout;

    ProcessRunner(BundleContext context, Duration timeout) {
        this.context = context;
        this.timeout = timeout;
    }

    /** Runs a blocking-style process to its end and returns why it ended. */
    public ExitReason run(BlockingProcess process) {
        return run(process, timeout);
    }

    /** Runs a blocking-style process to its end, waiting at most {@code timeout}, and returns why it ended. */
    public ExitReason run(BlockingProcess process, Duration timeout) {
        return DispatchTesting.run(context, process, timeout);
    }

    /**
     * Yields one command from a process of its own and returns the result; an error result is
     * thrown as the {@link dispatch.api.DispatchException} the process would see.
     */
    public <R> R call(Command<R> command) {
        return DispatchTesting.call(context, command, timeout);
    }

    /** The process runtime service, waiting for it up to the timeout. */
    public ProcessRuntime runtime() {
        return DispatchTesting.runtime(context, timeout);
    }

    /** How long this runner waits for a process to end. */
    public Duration timeout() {
        return timeout;
    }
}
