package dispatch.testing;

import dispatch.api.Command;
import dispatch.api.RuntimeReady;
import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessInfo;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.process.RuntimeStats;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * What a test inside the framework needs from dispatch, every wait bounded by a timeout. A
 * timeout fails with an {@link AssertionError} that says what did not happen.
 */
public final class DispatchTesting {

    private DispatchTesting() {
    }

    /**
     * Waits until the runtime is ready (every required module registered): until the
     * {@link RuntimeReady} service is there, which comes and goes with the ready condition and is
     * there in frameworks without the condition package too. If it does not come in time, the
     * test fails with the boot barrier's report ({@link #bootReport}).
     */
    public static void awaitReady(BundleContext context, Duration timeout) {
        await(context, RuntimeReady.class, timeout,
                () -> "dispatch is not ready within " + timeout + ":\n" + bootReport(context));
    }

    /**
     * What the boot barrier reports now, as the shell command {@code dispatch:boot} prints it
     * ({@code READY}, or each missing module and why, and refused registrations); read through
     * the Gogo shell, so without one it says only what it could tell.
     */
    public static String bootReport(BundleContext context) {
        return BootReport.of(context);
    }

    /**
     * Runs a Gogo shell command as a user at the console would and returns what it printed;
     * needs the Gogo runtime in the framework. A failing command fails the test.
     */
    public static String shell(BundleContext context, String command) {
        try {
            return Gogo.run(context, command);
        } catch (LinkageError noShellPackage) {
            throw new AssertionError("no Gogo shell in the framework to run " + command, noShellPackage);
        } catch (Exception failed) {
            throw new AssertionError(command + " failed: " + failed, failed);
        }
    }

    /** Waits for the process runtime service and returns it. */
    public static ProcessRuntime runtime(BundleContext context, Duration timeout) {
        return await(context, ProcessRuntime.class, timeout, () -> "no ProcessRuntime service within " + timeout);
    }

    /**
     * Runs a blocking-style process to its end and returns why it ended. If it does not end
     * within {@code timeout} it is terminated and the test fails.
     */
    public static ExitReason run(BundleContext context, BlockingProcess process, Duration timeout) {
        ProcessRuntime runtime = runtime(context, timeout);
        long pid = runtime.spawn(process);
        CompletableFuture<ExitReason> exit = runtime.exitOf(pid)
                .map(stage -> stage.toCompletableFuture())
                .orElseGet(() -> CompletableFuture.completedFuture(ExitReason.noSuchProcess(pid)));
        try {
            return exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException notEnded) {
            runtime.terminate(pid, "test timeout");
            throw new AssertionError("process " + pid + " (" + process.name() + ") did not end within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    /**
     * Yields one command from a process of its own and returns the result; an error result is
     * thrown as the {@link dispatch.api.DispatchException} the process would see.
     */
    public static <R> R call(BundleContext context, Command<R> command, Duration timeout) {
        AtomicReference<R> value = new AtomicReference<>();
        ExitReason exit = run(context, process -> value.set(process.call(command)), timeout);
        if (!exit.isNormal()) {
            if (exit.cause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new AssertionError("the process yielding " + command + " ended " + exit);
        }
        return value.get();
    }

    /**
     * Waits, at most {@code timeout} in all, until every process running now has ended (a
     * process that signals its test before its last step returns ends just after), and returns
     * the runtime's statistics then; a process still running fails the test.
     */
    public static RuntimeStats awaitNoProcesses(ProcessRuntime runtime, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (ProcessInfo process : runtime.processes()) {
            Optional<CompletableFuture<ExitReason>> exit = runtime.exitOf(process.pid())
                    .map(stage -> stage.toCompletableFuture());
            try {
                if (exit.isPresent()) {
                    exit.get().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (TimeoutException notEnded) {
                throw new AssertionError("process " + process.pid() + " (" + process.name() + ") still runs after "
                        + timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            } catch (ExecutionException e) {
                throw new AssertionError(e.getCause());
            }
        }
        RuntimeStats stats = runtime.stats();
        if (stats.processesLive() != 0) {
            throw new AssertionError(stats.processesLive() + " processes still live after " + timeout + ": " + stats);
        }
        return stats;
    }

    /** An action of a test that may throw, e.g. a bundle's {@code stop}. */
    @FunctionalInterface
    public interface Action {
        void run() throws Exception;
    }

    /**
     * Runs {@code action} (e.g. stopping a bundle), then waits, on the service events and at most
     * {@code timeout}, until no service matching {@code filter} is registered, whichever bundle's
     * class it is registered under; one still there then fails the test.
     */
    public static void awaitGone(BundleContext context, String filter, Duration timeout, Action action)
            throws Exception {
        CountDownLatch gone = new CountDownLatch(1);
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(filter), null) {
            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                super.removedService(reference, service);
                if (size() == 0) {
                    gone.countDown();
                }
            }
        };
        tracker.open(true);
        try {
            action.run();
            if (tracker.size() > 0 && !gone.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(filter + " still registered after " + timeout);
            }
        } finally {
            tracker.close();
        }
    }

    private static <T> T await(BundleContext context, Class<T> type, Duration timeout, Supplier<String> failure) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(timeout.toMillis());
            if (service == null) {
                throw new AssertionError(failure.get());
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            tracker.close();
        }
    }
}
