package dispatch.api.process;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The service that runs processes. Registered by the core bundle; obtain it through Declarative
 * Services. Yields of commands whose module is missing complete with a
 * {@code module-unavailable} error, so a component that needs every module should also wait
 * for the ready condition (see {@link dispatch.api.Readiness}).
 */
@ProviderType
public interface ProcessRuntime {

    /** Starts a step-model process and returns its PID. */
    long spawn(StepProcess process);

    /** Starts a blocking-style process and returns its PID. */
    long spawn(BlockingProcess process);

    /** Sends a message; {@code false} when no such process is running. */
    boolean send(long pid, Object message);

    /**
     * Terminates a process: its outstanding yields are cancelled, monitors get a
     * {@link Down} notice and linked processes are terminated too.
     *
     * @return {@code false} when no such process is running
     */
    boolean terminate(long pid, String reason);

    /** Completes with the process's exit reason when it ends; empty for an unknown PID. */
    Optional<CompletionStage<ExitReason>> exitOf(long pid);

    /** The process, if it is running. */
    Optional<ProcessInfo> info(long pid);

    /** All running processes. */
    List<ProcessInfo> processes();

    /** The runtime's counters. */
    RuntimeStats stats();
}
