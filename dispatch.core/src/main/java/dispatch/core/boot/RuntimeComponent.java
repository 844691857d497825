package dispatch.core.boot;

import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessInfo;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.process.RuntimeStats;
import dispatch.api.process.StepProcess;
import dispatch.core.runtime.DispatchRuntime;
import dispatch.core.runtime.RuntimeSettings;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Publishes a {@link DispatchRuntime} as the {@link ProcessRuntime} service, dispatching
 * through the registry of the boot barrier. Deactivation stops it gracefully: every process
 * ends with reason {@code shutdown}, with a bounded wait. A configuration change of the spin
 * or of the module leave grace applies at once; the other settings apply when the component
 * is next activated.
 */
// Immediate: a delayed component would be deactivated, and every process with it, whenever
// the last user of the service let go of it.
@Component(service = ProcessRuntime.class, configurationPid = RuntimeComponent.PID, immediate = true)
@Designate(ocd = RuntimeConfig.class)
public final class RuntimeComponent implements ProcessRuntime {

    /** The ConfigAdmin PID of the runtime. */
    public static final String PID = "dispatch.runtime";

    private final DispatchRuntime runtime;

    @Activate
    public RuntimeComponent(@Reference BootBarrier boot, RuntimeConfig config) {
        RuntimeSettings settings = settings(config);
        this.runtime = new DispatchRuntime(boot.registry(), settings);
        runtime.moduleLeaveGrace(moduleLeaveGrace(config));
        System.getLogger(RuntimeComponent.class.getName()).log(Level.INFO,
                "dispatch: runtime started with {0} workers, {1} threads for blocking processes",
                settings.workers(), runtime.usesVirtualThreads() ? "virtual" : "pooled platform");
    }

    static RuntimeSettings settings(RuntimeConfig config) {
        int workers = config.workers() > 0 ? config.workers() : Runtime.getRuntime().availableProcessors();
        return RuntimeSettings.defaults()
                .withWorkers(workers)
                .withSpin(Math.max(0, config.spin_iterations()), Math.max(0, config.spin_micros()) * 1_000)
                .withStepsPerSlice(Math.max(1, config.steps_per_slice()))
                .withVirtualThreads(config.virtual_threads(), Math.max(1, config.blocking_pool_size()))
                .withShutdownTimeout(Duration.ofMillis(Math.max(0, config.shutdown_timeout_millis())));
    }

    static Duration moduleLeaveGrace(RuntimeConfig config) {
        return Duration.ofMillis(Math.max(0, config.module_leave_grace_ms()));
    }

    @Modified
    void modified(RuntimeConfig config) {
        RuntimeSettings wanted = settings(config);
        runtime.spin(wanted.spinIterations(), wanted.spinNanos());
        runtime.moduleLeaveGrace(moduleLeaveGrace(config));
    }

    @Deactivate
    void deactivate() {
        runtime.close();
    }

    /** The runtime behind the service, for the core's own components. */
    public DispatchRuntime runtime() {
        return runtime;
    }

    @Override
    public long spawn(StepProcess process) {
        return runtime.spawn(process);
    }

    @Override
    public long spawn(BlockingProcess process) {
        return runtime.spawn(process);
    }

    @Override
    public boolean send(long pid, Object message) {
        return runtime.send(pid, message);
    }

    @Override
    public boolean terminate(long pid, String reason) {
        return runtime.terminate(pid, reason);
    }

    @Override
    public Optional<CompletionStage<ExitReason>> exitOf(long pid) {
        return runtime.exitOf(pid);
    }

    @Override
    public Optional<ProcessInfo> info(long pid) {
        return runtime.info(pid);
    }

    @Override
    public List<ProcessInfo> processes() {
        return runtime.processes();
    }

    @Override
    public RuntimeStats stats() {
        return runtime.stats();
    }
}
