package dispatch.core.runtime;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ExitReason;
import dispatch.api.process.Outcome;
import dispatch.api.process.ProcessContext;
import dispatch.api.process.ProcessEndedException;
import dispatch.core.runtime.queue.Node;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * A {@link BlockingProcess} on a thread of its own (virtual where the JVM has them). Results
 * and messages arrive through the same mailbox as for a step process; the thread parks until
 * what it waits for arrived, and a producer unparks it only while it says it is waiting.
 */
final class BlockingCell extends ProcessCell implements ProcessContext {

    private final BlockingProcess process;
    private volatile boolean waiting;
    private volatile Thread thread;
    private final ArrayDeque<MessageNode> mailbox = new ArrayDeque<>(); // owner only

    BlockingCell(DispatchRuntime runtime, long pid, BlockingProcess process) {
        super(runtime, pid, nameOf(process));
        this.process = process;
    }

    private static String nameOf(BlockingProcess process) {
        try {
            return String.valueOf(process.name());
        } catch (RuntimeException e) {
            return process.getClass().getName();
        }
    }

    @Override
    void start() {
        if (!runtime.threads.startProcess(this::run)) {
            finish(DispatchRuntime.SHUTDOWN_REASON); // no thread could be had: the runtime is stopping
        }
    }

    private void run() {
        thread = Thread.currentThread();
        owner = currentThreadId();
        ExitReason reason;
        try {
            if (endReason() != null) {
                throw new ProcessEndedException(endReason());
            }
            process.run(this);
            reason = ExitReason.NORMAL_EXIT;
        } catch (ProcessEndedException ended) {
            reason = endReason() != null ? endReason() : ended.reason();
        } catch (Throwable thrown) {
            reason = ExitReason.failed(thrown);
            if (thrown instanceof VirtualMachineError fatal) {
                finishOnce(reason);
                throw fatal;
            }
        }
        finishOnce(reason);
    }

    private void finishOnce(ExitReason reason) {
        owner = NO_OWNER;
        waiting = false;
        synchronized (this) {
            thread = null;
        }
        Thread.interrupted(); // a termination's interrupt is not for the next task of a pooled thread
        finish(reason);
    }

    @Override
    void deliver(Node node) {
        if (owner == currentThreadId() && node instanceof YieldSlot slot) {
            // a handler completed the yield on the process's own thread, inside call(): the
            // result is already where the process looks, so it skips the mailbox
            slot.arrived = true;
            return;
        }
        enqueueEvent(node);
        if (waiting) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    void wakeForEnd() {
        synchronized (this) { // never interrupts a pooled thread that moved on to other work
            Thread current = thread;
            if (current != null) {
                current.interrupt(); // also ends a sleep or a wait in the process's own code
                LockSupport.unpark(current);
            }
        }
    }

    @Override
    String stateName() {
        return thread == null ? "STARTING" : waiting ? "WAITING" : "RUNNING";
    }

    // --- ProcessContext ---

    @Override
    public <R> R call(Command<R> command) {
        return callWithin(command, -1);
    }

    @Override
    public <R> R call(Command<R> command, Duration timeout) {
        return callWithin(command, nanos(timeout));
    }

    @SuppressWarnings("unchecked")
    private <R> R callWithin(Command<R> command, long timeoutNanos) {
        checkThread();
        YieldSlot slot = yieldNow(command, timeoutNanos, true);
        if (!slot.arrived) {
            awaitUntil(() -> slot.arrived, -1);
        }
        Object value = slot.value;
        Throwable error = slot.error;
        consumed(slot);
        if (error != null) {
            throw asDispatchError(error);
        }
        return (R) value;
    }

    @Override
    public List<Outcome<?>> callAll(List<? extends Command<?>> commands) {
        checkThread();
        YieldSlot[] yielded = new YieldSlot[commands.size()];
        for (int i = 0; i < yielded.length; i++) {
            yielded[i] = yieldNow(commands.get(i), -1, false);
        }
        awaitUntil(() -> {
            for (YieldSlot slot : yielded) {
                if (!slot.arrived) {
                    return false;
                }
            }
            return true;
        }, -1);
        List<Outcome<?>> outcomes = new ArrayList<>(yielded.length);
        for (YieldSlot slot : yielded) {
            outcomes.add(new Outcome<>(slot.value, slot.error));
            consumed(slot);
        }
        return outcomes;
    }

    @Override
    public Object receive() {
        checkThread();
        awaitUntil(() -> !mailbox.isEmpty(), -1);
        return take();
    }

    @Override
    public Optional<Object> receive(Duration timeout) {
        checkThread();
        boolean arrived = awaitUntil(() -> !mailbox.isEmpty(), nanos(timeout));
        return arrived ? Optional.ofNullable(take()) : Optional.empty();
    }

    private Object take() {
        MessageNode message = mailbox.poll();
        messageTaken(message);
        return message.value();
    }

    private YieldSlot yieldNow(Command<?> command, long timeoutNanos, boolean callerWaits) {
        checkEnded();
        long tag = dispatch(command, timeoutNanos, callerWaits);
        return slots.lookup(tag);
    }

    /** Drains the mailbox until {@code done} holds; {@code false} if {@code timeoutNanos} (>= 0) passed first. */
    private boolean awaitUntil(BooleanSupplier done, long timeoutNanos) {
        long deadline = timeoutNanos >= 0 ? System.nanoTime() + Math.min(timeoutNanos, Long.MAX_VALUE / 4) : 0;
        boolean interrupted = false;
        try {
            while (true) {
                drain();
                if (done.getAsBoolean()) {
                    return true;
                }
                checkEnded();
                waiting = true;
                drain(); // whatever came before we said we were waiting
                if (done.getAsBoolean()) {
                    return true;
                }
                checkEnded();
                if (!noEvents()) {
                    continue; // more came meanwhile: take it rather than park
                }
                if (timeoutNanos >= 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    LockSupport.parkNanos(this, left);
                } else {
                    LockSupport.park(this);
                }
                waiting = false;
                if (Thread.interrupted()) {
                    interrupted = true; // not a termination (that is checked above): keep it for the process
                }
            }
        } finally {
            waiting = false;
            if (interrupted && endReason() == null) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void drain() {
        for (Node node = pollEvent(); node != null; node = pollEvent()) {
            if (node instanceof YieldSlot slot) {
                slot.arrived = true;
            } else {
                mailbox.add((MessageNode) node);
            }
        }
    }

    private void checkEnded() {
        ExitReason reason = endReason();
        if (reason != null) {
            throw new ProcessEndedException(reason);
        }
    }

    private void checkThread() {
        if (owner != currentThreadId()) {
            throw new IllegalStateException("the context of " + this + " may be used only by its own thread");
        }
    }

    private static DispatchException asDispatchError(Throwable error) {
        if (error instanceof DispatchException dispatchError) {
            return dispatchError;
        }
        return new DispatchException(DispatchException.HANDLER_FAILED, String.valueOf(error.getMessage()), error);
    }
}
