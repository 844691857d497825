package dispatch.testing;

import dispatch.api.ProcessRef;
import dispatch.api.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A process as a handler sees it, for testing a handler without a runtime: a PID, a liveness
 * flag, the messages sent to it, and exit hooks. {@link #exit} ends it as the runtime would:
 * its open yields are cancelled, then its exit hooks run.
 */
public final class ProcessProbe implements ProcessRef {

    private static final AtomicLong PIDS = new AtomicLong();

    private final long pid = PIDS.incrementAndGet();
    private static final Runnable NOT_TRACKED = () -> { };

    private final Queue<Object> received = new ConcurrentLinkedQueue<>();
    private final Queue<Runnable> onTaken = new ConcurrentLinkedQueue<>(); // one per received message, same order
    private final Hooks exitHooks = new Hooks();
    private final List<YieldProbe> openYields = new ArrayList<>(); // guarded by itself
    private volatile boolean alive = true;

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public boolean isAlive() {
        return alive;
    }

    /** Keeps {@code message} for {@link #received} while the process lives. */
    @Override
    public boolean send(Object message) {
        return queue(message, NOT_TRACKED);
    }

    /** Keeps {@code message} like {@link #send(Object)}; {@link #take} runs {@code onTaken}, as the runtime does. */
    @Override
    public boolean send(Object message, Runnable onTaken) {
        return queue(message, java.util.Objects.requireNonNull(onTaken, "onTaken"));
    }

    private synchronized boolean queue(Object message, Runnable taken) {
        if (!alive) {
            return false;
        }
        received.add(message);
        onTaken.add(taken);
        return true;
    }

    /**
     * The messages sent to this process so far and not yet {@linkplain #take taken}, oldest first.
     * Read them here, take them with {@link #take}.
     */
    public Queue<Object> received() {
        return received;
    }

    /**
     * Takes the oldest message as a process would: the sender's {@code onTaken} (of
     * {@link #send(Object, Runnable)}) runs now, on this thread, as it runs after a step in the runtime.
     *
     * @return the message, or {@code null} when none is queued
     */
    public Object take() {
        Object message;
        Runnable taken;
        synchronized (this) {
            message = received.poll();
            taken = onTaken.poll();
        }
        if (taken != null) {
            taken.run();
        }
        return message;
    }

    @Override
    public Subscription onExit(Runnable action) {
        return exitHooks.add(action);
    }

    /** The exit hooks registered and not yet closed or run: a handler that cleaned up left none. */
    public int exitHooks() {
        return exitHooks.size();
    }

    /**
     * Ends the process without telling anyone yet: sends fail and {@link #isAlive} is false, but
     * its yields stay open and its exit hooks wait for {@link #exit}. What a handler can see in
     * the moment between a process's end and the runtime's notices.
     */
    public void endUnnoticed() {
        alive = false;
    }

    /** Ends the process on this thread: its open yields are cancelled, then the exit hooks run. */
    public void exit() {
        List<YieldProbe> yields;
        synchronized (openYields) {
            alive = false;
            yields = new ArrayList<>(openYields);
            openYields.clear();
        }
        yields.forEach(YieldProbe::cancel);
        exitHooks.close();
    }

    /** Registers a yield of this process until it ends; false (not registered) once the process has ended. */
    boolean opened(YieldProbe yield) {
        synchronized (openYields) {
            return alive && openYields.add(yield);
        }
    }

    void ended(YieldProbe yield) {
        synchronized (openYields) {
            openYields.remove(yield);
        }
    }
}
