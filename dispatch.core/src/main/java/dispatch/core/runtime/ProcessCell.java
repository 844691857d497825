package dispatch.core.runtime;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Handler;
import dispatch.api.ProcessRef;
import dispatch.api.ResultReceiver;
import dispatch.api.Subscription;
import dispatch.api.YieldContext;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessInfo;
import dispatch.core.registry.Route;
import dispatch.core.runtime.queue.Mailbox;
import dispatch.core.runtime.queue.Node;
import dispatch.core.runtime.scheduling.DeadlineTimer;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The runtime's side of one process, whichever way it is written: its mailbox, its yield
 * slots, the dispatch of its yields and the receiver of their results, and its end.
 *
 * <p>A cell is a {@link Node} so that the scheduler's run queue can link it without allocating;
 * it is never in a mailbox.
 *
 * <p>Public only so that the process commands of the core can reach their runtime; nothing
 * outside the core's private packages sees this type.
 */
public abstract class ProcessCell extends Mailbox implements ProcessRef, ResultReceiver {

    private static final VarHandle ENDING;
    private static final VarHandle MESSAGES_QUEUED;
    private static final VarHandle EXIT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            ENDING = lookup.findVarHandle(ProcessCell.class, "ending", ExitReason.class);
            MESSAGES_QUEUED = lookup.findVarHandle(ProcessCell.class, "messagesQueued", int.class);
            EXIT = lookup.findVarHandle(ProcessCell.class, "exit", CompletableFuture.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Longer timeouts are as good as none, and keep deadline arithmetic clear of overflow.
    private static final long MAX_TIMEOUT_NANOS = Long.MAX_VALUE / 4;

    final DispatchRuntime runtime;
    final long pid;
    final String name;
    final SlotTable slots = new SlotTable(this);
    /** Made by the death watch when something first attaches to this process; see {@link DeathWatch.Watches}. */
    volatile DeathWatch.Watches watches;
    volatile boolean watchesClosed;
    /** Made when someone first asks how the process ends ({@link #exitStage}): most never do. */
    private volatile CompletableFuture<ExitReason> exit;
    private volatile boolean exitSettled;

    @SuppressWarnings("unused") // accessed through ENDING
    private volatile ExitReason ending;
    volatile boolean exited;
    @SuppressWarnings("unused") // accessed through MESSAGES_QUEUED (no AtomicInteger: 16 B per process)
    private volatile int messagesQueued;

    /**
     * The ID of the thread running the process right now, or {@link #NO_OWNER}. Written only by
     * that thread, so a thread that reads its own ID here really is the owner. An ID rather than
     * the {@code Thread}: cells live long, and a reference stored into an old object costs the
     * collector a card to refine (see the clock module's SCALE.md), twice per step.
     */
    long owner = NO_OWNER;

    /** {@link #owner} while no thread runs the process (thread IDs are positive). */
    static final long NO_OWNER = 0;

    /** The ID {@link #owner} holds while the calling thread runs a process. */
    @SuppressWarnings("deprecation") // threadId() is Java 19+; getId() returns the same ID
    static long currentThreadId() {
        return Thread.currentThread().getId();
    }

    ProcessCell(DispatchRuntime runtime, long pid, String name) {
        this.runtime = runtime;
        this.pid = pid;
        this.name = name;
    }

    /** The runtime that runs this process. */
    public final DispatchRuntime runtime() {
        return runtime;
    }

    // --- lifecycle, implemented by the two kinds of processes ---

    /** Starts running the process. */
    abstract void start();

    /** Puts a node on the process's way: into its mailbox, or straight into its next step. */
    abstract void deliver(Node node);

    /** Makes sure the owner notices that the process is ending. */
    abstract void wakeForEnd();

    /** The scheduling state, for listings. */
    abstract String stateName();

    // --- yields ---

    /** Owner: yields a command; {@code timeoutNanos} &lt; 0 means no deadline. */
    final long dispatch(Command<?> command, long timeoutNanos) {
        return dispatch(command, timeoutNanos, false);
    }

    /**
     * Owner: yields a command; {@code callerWaits} tells the handler that this thread does
     * nothing but wait for the result (see {@link YieldContext#callerWaits()}).
     */
    final long dispatch(Command<?> command, long timeoutNanos, boolean callerWaits) {
        if (command == null) {
            throw new NullPointerException("a process yielded null instead of a command");
        }
        int id = command.id();
        YieldSlot slot = slots.acquire();
        long tag = slots.nextTag(slot);
        long deadline = YieldContext.NO_DEADLINE;
        if (timeoutNanos >= 0 && timeoutNanos < MAX_TIMEOUT_NANOS) {
            deadline = System.nanoTime() + timeoutNanos;
        }
        slot.activate(tag, command, id, YieldSlot.NO_CLAIMANT, deadline, callerWaits);
        slots.yields++;
        if (endReason() != null) {
            slot.tryCancel(tag, null); // the process is ending: this yield never gets a result
            return tag;
        }
        if (deadline != YieldContext.NO_DEADLINE) {
            slot.timerEntry = runtime.timer.schedule(slot, tag, deadline);
        }
        // The route is read last, right before the call: whatever this thread waited for above
        // (the timer's lock, a preemption) must not hand the yield to a module that left meanwhile.
        Route route = runtime.registry.lookup(id);
        if (route == null) {
            completeYield(tag, null, Errors.unknownCommand(id));
            return tag;
        }
        Handler handler = route.handler();
        if (handler == null) {
            completeYield(tag, null, Errors.moduleUnavailable(route));
            return tag;
        }
        long claimant = route.claimant().serviceId();
        slot.claimant = claimant; // before the call: the departure's sweep looks for it (see Departures)
        try {
            handler.handle(slot, command, tag, this);
        } catch (Throwable thrown) {
            if (runtime.registry.lookup(id) == route || !runtime.departures.refused(this, slot, tag, claimant, thrown)) {
                completeYield(tag, null, Errors.handlerFailed(route, thrown));
            }
            if (thrown instanceof VirtualMachineError fatal) {
                throw fatal;
            }
        }
        if (runtime.registry.lookup(id) != route) {
            // The ID changed hands while the handler took the yield: see Departures.
            runtime.departures.recheck(this, slot, tag, claimant);
        }
        return tag;
    }

    @Override
    public final boolean completeYield(long tag, Object data, Throwable error) {
        YieldSlot slot = slots.lookup(tag);
        if (slot == null || !slot.tryComplete(tag, data, error)) {
            runtime.ignored.increment();
            return false;
        }
        deliverResult(slot);
        return true;
    }

    /** Cancels one of this process's own outstanding yields; its result is the given error. */
    public final boolean cancelYield(long tag, Throwable error) {
        YieldSlot slot = slots.lookup(tag);
        if (slot == null || !slot.tryCancel(tag, error)) {
            return false;
        }
        deliverResult(slot);
        return true;
    }

    /**
     * Fails every yield of this process still pending at a dispatcher that left; returns how
     * many. Any thread.
     */
    final int failLeft(Departures.Departure departure) {
        long serviceId = departure.claimant.serviceId();
        int count = 0;
        for (YieldSlot slot : slots.slots) {
            if (slot == null) {
                continue;
            }
            long tag = slot.pendingTag();
            if (tag >= 0 && slot.claimant == serviceId && failLeft(slot, tag, departure)) {
                count++;
            }
        }
        return count;
    }

    /** Fails one yield with {@code module-left} if it is still pending; the handler sees the cancellation. */
    final boolean failLeft(YieldSlot slot, long tag, Departures.Departure departure) {
        return failLeft(slot, tag, Errors.moduleLeft(departure, pid, tag, slot.commandId));
    }

    /** Fails one yield with the given {@code module-left} error if it is still pending. */
    final boolean failLeft(YieldSlot slot, long tag, DispatchException moduleLeft) {
        if (!slot.tryCancel(tag, moduleLeft)) {
            return false;
        }
        runtime.departures.countFailed();
        deliverResult(slot);
        return true;
    }

    /** The timer's way in: the yield's deadline passed (the timer has dropped the entry already). */
    final void expire(YieldSlot slot, long tag) {
        if (slot.tryCancel(tag, Errors.timeout(pid, tag))) {
            deliver(slot);
        }
    }

    /**
     * The calling thread won {@code slot}'s yield, for a result or a cancellation that has one:
     * the yield's deadline goes, and its result to the process.
     */
    private void deliverResult(YieldSlot slot) {
        discardDeadline(slot);
        deliver(slot);
    }

    /** Lets the timer drop the yield's deadline, if it has one, and with it the slot. */
    private void discardDeadline(YieldSlot slot) {
        DeadlineTimer.Entry timer = slot.timerEntry;
        if (timer != null) {
            runtime.timer.discard(timer);
        }
    }

    /**
     * Owner: the result in {@code slot} was consumed; counts it, releases the command of a
     * completed yield and reuses or retires the slot.
     */
    final void consumed(YieldSlot slot) {
        slots.completions++;
        if (slot.error != null) {
            slots.errors++;
        }
        if (slot.state() == YieldSlot.DONE) {
            Command<?> command = slot.command;
            slots.recycle(slot);
            release(command);
        } else {
            // cancelled: the handler may still be working with the command, so it is not released
            slots.retire(slot);
        }
    }

    /** A timeout in nanoseconds, saturated rather than overflowing. */
    static long nanos(java.time.Duration timeout) {
        if (timeout.isNegative()) {
            return 0;
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    static void release(Command<?> command) {
        try {
            command.release();
        } catch (RuntimeException e) {
            System.getLogger(ProcessCell.class.getName()).log(System.Logger.Level.WARNING,
                    "dispatch: release() of a command failed", e);
        }
    }

    // --- messages ---

    @Override
    public final boolean send(Object message) {
        return queueMessage(message, null);
    }

    @Override
    public final boolean send(Object message, Runnable onTaken) {
        return queueMessage(message, java.util.Objects.requireNonNull(onTaken, "onTaken"));
    }

    private boolean queueMessage(Object message, Runnable onTaken) {
        java.util.Objects.requireNonNull(message, "message");
        if (endReason() != null) {
            return false;
        }
        MESSAGES_QUEUED.getAndAdd(this, 1);
        deliver(new MessageNode(message, onTaken));
        return true;
    }

    /** A queued message was taken by the process. */
    final void messageTaken(MessageNode message) {
        MESSAGES_QUEUED.getAndAdd(this, -1);
        message.taken();
    }

    // --- ending ---

    /** The reason the process is ending or ended, or {@code null} while it runs. */
    final ExitReason endReason() {
        return (ExitReason) ENDING.getVolatile(this);
    }

    /**
     * Marks the process as ending (the first reason wins) and cancels its outstanding yields,
     * whose handlers see the cancellation. Any thread.
     */
    final boolean beginEnd(ExitReason reason) {
        if (!ENDING.compareAndSet(this, null, reason)) {
            return false;
        }
        slots.forEach(YieldSlot::cancelIfPending);
        return true;
    }

    /** Terminates the process; {@code false} if it was ending already. Any thread. */
    public final boolean terminate(ExitReason reason) {
        if (!beginEnd(reason)) {
            return false;
        }
        wakeForEnd();
        return true;
    }

    /** Owner: the process is over; tells the runtime, which tells everyone else. */
    final void finish(ExitReason reason) {
        ENDING.compareAndSet(this, null, reason); // not beginEnd: the loop below sweeps the slots
        for (YieldSlot slot : slots.slots) {
            if (slot == null) {
                continue;
            }
            // A yield made while a termination was sweeping may have escaped that sweep: the
            // owner, which made it, sweeps once more now that no more yields can come.
            slot.cancelIfPending();
            // Deadlines of yields that never get consumed now: the timer lets go of their slots.
            discardDeadline(slot);
        }
        exited = true;
        while (pollEvent() != null) {
            // dropped: a process that ended receives nothing
        }
        runtime.ended(this, endReason());
    }

    /**
     * Completes with the exit reason once the runtime is done with the process's end
     * ({@link #completeExit}). {@code completeExit} marks the end settled, then completes a stage
     * made before; a stage made here is completed here if the end is settled: one of the two
     * sees the other.
     */
    final CompletionStage<ExitReason> exitStage() {
        CompletableFuture<ExitReason> stage = exit;
        if (stage == null) {
            CompletableFuture<ExitReason> fresh = new CompletableFuture<>();
            stage = EXIT.compareAndSet(this, null, fresh) ? fresh : exit;
        }
        if (exitSettled) {
            stage.complete(endReason());
        }
        return stage.minimalCompletionStage();
    }

    /** The runtime: monitors, links and exit actions have been told, and the process left the table. */
    final void completeExit(ExitReason reason) {
        exitSettled = true;
        CompletableFuture<ExitReason> stage = exit;
        if (stage != null) {
            stage.complete(reason);
        }
    }

    // --- ProcessRef ---

    @Override
    public final long pid() {
        return pid;
    }

    @Override
    public final boolean isAlive() {
        return endReason() == null;
    }

    @Override
    public final Subscription onExit(Runnable action) {
        return runtime.deathWatch.onExit(this, action);
    }

    final ProcessInfo info() {
        String state = exited ? "DEAD" : endReason() != null ? "ENDING" : stateName();
        int queued = (int) MESSAGES_QUEUED.getVolatile(this) + slots.countCompleted();
        return new ProcessInfo(pid, name, state, slots.countPending(), queued);
    }

    @Override
    public String toString() {
        return "process " + pid + " (" + name + ")";
    }
}
