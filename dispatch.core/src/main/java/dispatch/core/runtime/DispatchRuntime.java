package dispatch.core.runtime;

import dispatch.api.DispatchException;
import dispatch.api.Subscription;
import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessInfo;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.process.RuntimeStats;
import dispatch.api.process.StepProcess;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.runtime.scheduling.DeadlineTimer;
import dispatch.core.runtime.scheduling.Scheduler;
import dispatch.core.runtime.scheduling.Slice;
import dispatch.core.runtime.scheduling.Threads;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The process runtime, in plain Java: constructible without OSGi from a
 * {@link CommandRegistry} and {@link RuntimeSettings}. The OSGi component
 * {@code dispatch.core.boot.RuntimeComponent} publishes one as the {@link ProcessRuntime} service.
 *
 * <p>The path of a yield: the process's thread looks the ID up in the registry and calls the
 * handler directly; the handler completes the tag on any thread; the result goes into the
 * process's mailbox and the process is scheduled (or, when the handler completed on the thread
 * running the process, straight into its next step).
 *
 * <p>When a dispatcher leaves the registry (its module stops or is swapped), the yields in
 * flight to its handlers still get exactly one result: see {@link Departures}.
 */
public final class DispatchRuntime implements ProcessRuntime, AutoCloseable {

    static final ExitReason SHUTDOWN_REASON = new ExitReason(ExitReason.Kind.SHUTDOWN, "the runtime stopped", null);

    private static final Logger LOG = System.getLogger(DispatchRuntime.class.getName());

    final CommandRegistry registry;
    final RuntimeSettings settings;
    final Scheduler<StepScratch> scheduler;
    final DeadlineTimer timer = new DeadlineTimer();
    final Threads threads;
    final DeathWatch deathWatch = new DeathWatch(this);
    final LongAdder ignored = new LongAdder();
    final Departures departures = new Departures(this);
    private final Subscription departureListener;

    private final ProcessTable table = new ProcessTable();
    private final RecentExits recentExits;
    /** The batches of threads that {@link #drive} the runtime. */
    private final ThreadLocal<StepScratch> driverScratch = ThreadLocal.withInitial(StepScratch::new);
    private final AtomicLong pids = new AtomicLong();
    private final LongAdder spawned = new LongAdder();
    private final LongAdder endedYields = new LongAdder();
    private final LongAdder endedCompletions = new LongAdder();
    private final LongAdder endedErrors = new LongAdder();
    private final CountDownLatch drained = new CountDownLatch(1);
    private volatile boolean closing;

    public DispatchRuntime(CommandRegistry registry, RuntimeSettings settings) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = new Scheduler<>(settings.workers(), settings.spinIterations(), settings.spinNanos(),
                settings.stepsPerSlice(), StepScratch::new);
        this.threads = new Threads(settings.virtualThreads(), settings.blockingPoolSize());
        this.recentExits = new RecentExits(settings.recentExits());
        this.departureListener = registry.onDeparture(departures);
        scheduler.start();
    }

    /** Whether blocking processes and Exec tasks run on virtual threads. */
    public boolean usesVirtualThreads() {
        return threads.virtual();
    }

    /**
     * How long the handlers of a dispatcher that left may still complete the yields they were
     * given, before those get a {@code module-left} error; applies to departures from now on.
     */
    public void moduleLeaveGrace(Duration grace) {
        departures.grace(grace);
    }

    /** The grace period of departed dispatchers; see {@link #moduleLeaveGrace(Duration)}. */
    public Duration moduleLeaveGrace() {
        return departures.grace();
    }

    /** How many yields got {@code module-left} because their module left without completing them. */
    public long moduleLeftErrors() {
        return departures.failed();
    }

    /** Changes how long idle workers spin before they park. */
    public void spin(int iterations, long nanos) {
        scheduler.spin(iterations, nanos);
    }

    // --- processes ---

    @Override
    public long spawn(StepProcess process) {
        return spawn(process, null);
    }

    @Override
    public long spawn(BlockingProcess process) {
        return spawn(process, null);
    }

    /**
     * Starts a {@link StepProcess} or {@link BlockingProcess}, linked to {@code linkTo} if given,
     * before it runs its first step.
     *
     * @throws DispatchException with code {@code shutdown} once the runtime is stopping
     */
    public long spawn(Object process, ProcessCell linkTo) {
        Objects.requireNonNull(process, "process");
        if (closing) {
            throw Errors.shutdown();
        }
        if (!(process instanceof StepProcess) && !(process instanceof BlockingProcess)) {
            throw new IllegalArgumentException("not a StepProcess or BlockingProcess: " + process.getClass().getName());
        }
        long pid = pids.incrementAndGet();
        ProcessCell cell;
        try {
            cell = process instanceof StepProcess step ? new StepCell(this, pid, step)
                    : new BlockingCell(this, pid, (BlockingProcess) process);
        } catch (RuntimeException | Error e) {
            table.retire(pid); // every PID handed out is retired once (see ProcessTable)
            throw e;
        }
        table.put(pid, cell);
        spawned.increment();
        if (linkTo != null) {
            deathWatch.link(linkTo, cell, pid);
        }
        if (closing) {
            cell.beginEnd(SHUTDOWN_REASON); // close() may have missed it: it ends at its first turn
        }
        cell.start();
        return pid;
    }

    /** The running processes now. */
    Iterable<ProcessCell> cells() {
        return table.snapshot();
    }

    /** The running process with {@code pid}, or {@code null}. */
    ProcessCell cell(long pid) {
        return table.get(pid);
    }

    @Override
    public boolean send(long pid, Object message) {
        ProcessCell cell = table.get(pid);
        return cell != null && cell.send(message);
    }

    @Override
    public boolean terminate(long pid, String reason) {
        ProcessCell cell = table.get(pid);
        return cell != null && cell.terminate(ExitReason.terminated(reason == null ? "terminated" : reason));
    }

    /** Monitors {@code target} for {@code watcher}; see {@link dispatch.api.process.Monitor}. */
    public long monitor(ProcessCell watcher, long target) {
        return deathWatch.monitor(watcher, target);
    }

    public boolean unmonitor(ProcessCell watcher, long ref) {
        return deathWatch.unmonitor(watcher, ref);
    }

    /** Links two processes; fails with {@code no-such-process} if {@code target} is not running. */
    public void link(ProcessCell cell, long target) {
        deathWatch.link(cell, table.get(target), target);
    }

    public boolean unlink(ProcessCell cell, long target) {
        return deathWatch.unlink(cell, table.get(target));
    }

    /** Runs a task off the workers (virtual thread or the Exec pool); {@code false} once stopped. */
    public boolean execute(Runnable task) {
        return threads.execute(task);
    }

    @Override
    public Optional<CompletionStage<ExitReason>> exitOf(long pid) {
        ProcessCell cell = table.get(pid);
        if (cell != null) {
            return Optional.of(cell.exitStage());
        }
        ExitReason recent = recentExits.get(pid);
        return recent == null ? Optional.empty() : Optional.of(CompletableFuture.completedStage(recent));
    }

    @Override
    public Optional<ProcessInfo> info(long pid) {
        ProcessCell cell = table.get(pid);
        return cell == null ? Optional.empty() : Optional.of(cell.info());
    }

    @Override
    public List<ProcessInfo> processes() {
        List<ProcessInfo> all = new ArrayList<>();
        for (ProcessCell cell : table.snapshot()) {
            all.add(cell.info());
        }
        all.sort(Comparator.comparingLong(ProcessInfo::pid));
        return all;
    }

    @Override
    public RuntimeStats stats() {
        long yields = endedYields.sum();
        long completions = endedCompletions.sum();
        long errors = endedErrors.sum();
        for (ProcessCell cell : table.snapshot()) {
            yields += cell.slots.yields;
            completions += cell.slots.completions;
            errors += cell.slots.errors;
        }
        return new RuntimeStats(table.size(), spawned.sum(), yields, completions, errors, ignored.sum());
    }

    /** Called by a process's owner when it is over. */
    void ended(ProcessCell cell, ExitReason reason) {
        // Counted into the totals before it leaves the table, so that stats() never misses it
        // (it may count it twice for a moment instead, which a reader of a settled runtime never sees).
        endedYields.add(cell.slots.yields);
        endedCompletions.add(cell.slots.completions);
        if (cell.slots.errors != 0) { // most processes have none; an add of 0 still costs a compare-and-set
            endedErrors.add(cell.slots.errors);
        }
        try {
            // While the process is still listed: whoever sees it ended (exitOf, its exit stage)
            // also sees its monitors told, its links terminated and its exit actions run.
            deathWatch.exited(cell, reason);
        } finally {
            recentExits.put(cell.pid, reason);
            table.remove(cell.pid);
            cell.completeExit(reason);
            if (closing && table.isEmpty()) {
                drained.countDown();
            }
        }
    }

    // --- running without workers ---

    /**
     * Runs one slice of the next runnable step process on the calling thread; for a runtime
     * built with 0 workers (embedding, benchmarks, tests).
     *
     * @return {@code false} when no process was runnable
     */
    public boolean drive() {
        Slice<StepScratch> slice = scheduler.poll();
        if (slice == null) {
            return false;
        }
        StepScratch scratch = driverScratch.get();
        if (scratch.inUse) {
            scratch = new StepScratch(); // a step that drives the runtime itself
        }
        scratch.inUse = true;
        try {
            slice.runSlice(scheduler.stepsPerSlice(), scratch);
        } finally {
            scratch.inUse = false;
        }
        return true;
    }

    // --- stopping ---

    /**
     * Stops the runtime: refuses new processes, terminates every process with reason
     * {@code shutdown} (their outstanding yields are cancelled, and handlers see it), waits up to
     * the shutdown timeout for them to end, then stops the threads.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        departureListener.close();
        for (ProcessCell cell : table.snapshot()) {
            cell.terminate(SHUTDOWN_REASON);
        }
        if (table.isEmpty()) {
            drained.countDown();
        }
        long deadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        try {
            if (scheduler.workerCount() == 0) {
                while (drained.getCount() > 0 && System.nanoTime() - deadline < 0) {
                    if (!drive()) {
                        drained.await(10, TimeUnit.MILLISECONDS); // blocking processes end on their threads
                    }
                }
            } else {
                drained.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!table.isEmpty()) {
            LOG.log(Level.WARNING, "dispatch: {0} processes did not end within {1}: {2}", table.size(),
                    settings.shutdownTimeout(), processes());
        }
        scheduler.stop(Math.max(100, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        timer.stop();
        threads.stop();
    }

    /** Whether the runtime is stopping or stopped. */
    public boolean isClosed() {
        return closing;
    }

    /** Deadlines waiting in the timer, for tests. */
    int pendingDeadlines() {
        return timer.size();
    }
}
