package dispatch.module.clock.internal;

import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The one timer engine of the clock module: a hierarchical timing wheel driven by one thread.
 *
 * <h2>Structure</h2>
 * Time advances in ticks (1 ms in production). {@value #LEVELS} levels of {@value #SLOTS}
 * slots each cover 64, 64², ... 64⁶ ticks (2<sup>36</sup> ms, about 795 days). A task goes to
 * the lowest level whose slot range separates its tick from the wheel's current tick; when
 * the wheel reaches a slot of a higher level, the slot's tasks cascade into lower levels, so
 * every task fires at its own tick: the precision of the lowest level at every distance. A
 * 64-bit map per level tells which slots hold tasks, so finding the next deadline costs at
 * most {@value #LEVELS} bit operations and the thread sleeps until exactly then.
 *
 * <h2>Threads</h2>
 * Slot lists belong to the wheel thread alone. Other threads hand tasks over through a
 * lock-free inbox (a Treiber stack linked through the tasks themselves, so handing over
 * allocates nothing): a new task, or a cancelled task the wheel must unlink. Cancelling is
 * O(1): a compare-and-set of the task's state, then the wheel thread unlinks it from its
 * doubly linked slot list on its next round. Producers wake the thread only when a new task
 * is due before the thread meant to wake up; while tasks keep arriving the thread takes them
 * in every {@code drainNanos} at least, so a burst is inserted in small batches.
 *
 * <h2>Counting</h2>
 * {@link #live(int)} counts tasks per kind that wait to expire: from scheduling until they
 * start to expire (a repeating task counts again once re-armed) or are cancelled, so that a
 * process woken by an expiry never sees its own task still counted. {@link #entries()} is what
 * the wheel physically holds. Both drop to zero when everything is done, cancelled, or aborted
 * by {@link #close()}.
 */
final class TimingWheel implements AutoCloseable {

    static final int LEVEL_BITS = 6;
    static final int SLOTS = 1 << LEVEL_BITS;
    static final int LEVELS = 6;
    /** One turn of the top level, in ticks: the longest distance the wheel can hold. */
    static final long SPAN_TICKS = 1L << (LEVEL_BITS * LEVELS);

    private static final System.Logger LOG = System.getLogger(TimingWheel.class.getName());
    private static final long IDLE_PARK_NANOS = TimeUnit.HOURS.toNanos(1);

    private final long tickNanos;
    private final long drainNanos;
    private final long origin;
    private final LongSupplier clock;
    private final LongAdder[] live;

    // Wheel-thread state.
    private final WheelTask[] slots = new WheelTask[LEVELS * SLOTS];
    private final long[] occupied = new long[LEVELS];
    private final WheelTask expired = new Sentinel();
    private long elapsed;
    private long linked;
    private int nextLevel;
    private int nextIndex;

    // Shared state.
    private final AtomicReference<WheelTask> inbox = new AtomicReference<>();
    private volatile long entries;
    private volatile boolean closed;
    private volatile boolean sleeping;
    private volatile boolean longPark;
    private volatile long parkedUntil;
    private volatile Thread thread;
    private volatile boolean swept;

    /**
     * A wheel without a thread: the owner drives it with {@link #poll()} (tests use this with
     * a fake clock). {@link #start(String)} gives it its thread.
     *
     * @param tickNanos  the length of a tick
     * @param drainNanos how often the thread takes in new tasks at least while they keep coming
     * @param clock      the time source, in {@link System#nanoTime()} terms
     * @param kinds      how many kinds of task {@link #live(int)} counts apart
     */
    TimingWheel(long tickNanos, long drainNanos, LongSupplier clock, int kinds) {
        if (tickNanos <= 0 || drainNanos <= 0 || kinds <= 0) {
            throw new IllegalArgumentException("tickNanos, drainNanos and kinds must be positive");
        }
        this.tickNanos = tickNanos;
        this.drainNanos = drainNanos;
        this.clock = clock;
        this.origin = clock.getAsLong();
        this.live = new LongAdder[kinds];
        for (int i = 0; i < kinds; i++) {
            live[i] = new LongAdder();
        }
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Sentinel();
        }
    }

    /** Starts the wheel's thread (a daemon platform thread named {@code name}). */
    TimingWheel start(String name) {
        Thread t = new Thread(this::run, name);
        t.setDaemon(true);
        thread = t;
        t.start();
        return this;
    }

    /** The current time of the wheel's clock. */
    long now() {
        return clock.getAsLong();
    }

    /**
     * The longest delay from now that {@link #schedule} accepts: half a turn of the top level
     * (about 397 days at 1 ms), which leaves the other half as a margin for a wheel thread that
     * has not advanced its position for a while.
     */
    long maxDelayNanos() {
        return (SPAN_TICKS / 2) * tickNanos;
    }

    /**
     * Schedules a task to expire at {@code deadlineNanos} (never before). Lock-free and safe
     * from any thread. If the wheel is closed, the task is aborted at once instead.
     *
     * @throws IllegalStateException    when the task was scheduled before
     * @throws IllegalArgumentException when the deadline lies beyond {@link #maxDelayNanos()}
     */
    void schedule(WheelTask task, long deadlineNanos) {
        if (deadlineNanos - clock.getAsLong() > maxDelayNanos()) {
            throw new IllegalArgumentException("deadline too far in the future");
        }
        enqueue(task, deadlineNanos);
    }

    /**
     * Schedules a task to expire {@code delayNanos} from now (never before): {@link #schedule}
     * for a caller that has a delay, not a deadline, and need not read the clock twice.
     */
    void scheduleAfter(WheelTask task, long delayNanos) {
        if (delayNanos > maxDelayNanos()) {
            throw new IllegalArgumentException("deadline too far in the future");
        }
        enqueue(task, clock.getAsLong() + delayNanos);
    }

    private void enqueue(WheelTask task, long deadlineNanos) {
        // Only its creator schedules a task, once, before anyone else can see it: a plain
        // check and write suffice, and the push below publishes them.
        if (task.state != WheelTask.FREE) {
            throw new IllegalStateException("a task can be scheduled only once");
        }
        WheelTask.STATE.set(task, WheelTask.PENDING);
        task.deadline = deadlineNanos;
        live[task.kind()].increment();
        push(task);
        if (closed) {
            // Raced with close(): its sweep may have missed this task, so abort it here (the
            // state decides who does).
            if (task.casState(WheelTask.PENDING, WheelTask.CANCELLED)) {
                live[task.kind()].decrement();
                abort(task);
            }
            return;
        }
        if (sleeping && deadlineNanos - parkedUntil < 0) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Cancels a task so that it never expires again. O(1), lock-free, safe from any thread.
     *
     * @return {@code true} when this call ended the task: it will not expire again (an expiry
     *         running right now still finishes); {@code false} when it was never scheduled, has
     *         fired for the last time, or was cancelled already
     */
    boolean cancel(WheelTask task) {
        for (;;) {
            int state = task.state;
            switch (state) {
                case WheelTask.PENDING:
                    // Not in a slot yet: the wheel thread drops it when it sees the state.
                    if (task.casState(state, WheelTask.CANCELLED)) {
                        live[task.kind()].decrement();
                        return true;
                    }
                    break;
                case WheelTask.FIRING:
                    // Expiring now (and no longer counted): only a repeat is prevented.
                    if (task.casState(state, WheelTask.CANCELLED)) {
                        return true;
                    }
                    break;
                case WheelTask.SCHEDULED:
                    if (task.casState(state, WheelTask.CANCELLED)) {
                        live[task.kind()].decrement();
                        // Ask the wheel thread to unlink it; wake it only if it would otherwise
                        // hold the task for long.
                        if (push(task) == null && sleeping && longPark) {
                            LockSupport.unpark(thread);
                        }
                        return true;
                    }
                    break;
                default:
                    return false;
            }
        }
    }

    /** Tasks of {@code kind} waiting to expire: scheduled, not yet expiring, not cancelled. */
    long live(int kind) {
        return live[kind].sum();
    }

    /** Tasks of all kinds waiting to expire. */
    long liveTotal() {
        long sum = 0;
        for (LongAdder adder : live) {
            sum += adder.sum();
        }
        return sum;
    }

    /** Tasks the wheel physically holds, as of its last round (cancelled ones until unlinked). */
    long entries() {
        return entries;
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Stops the thread and aborts every task that has not fired ({@link WheelTask#abort()}).
     * Later {@link #schedule} calls abort their task at once. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        Thread t = thread;
        if (t == null) {
            sweep();
            return;
        }
        LockSupport.unpark(t);
        if (t != Thread.currentThread()) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                // It sweeps when its current task returns.
                LOG.log(Level.WARNING, "clock thread did not stop within 10 s; it aborts its tasks when it does");
            }
        }
    }

    /** Whether {@link #close()} has aborted everything. */
    boolean isSwept() {
        return swept;
    }

    // ---------------------------------------------------------------- wheel thread

    private void run() {
        try {
            while (!closed) {
                int taken = poll();
                long now = clock.getAsLong();
                long until = nextDueNanos(now);
                if (taken > 0 && until - (now + drainNanos) > 0) {
                    until = now + drainNanos;
                }
                long wait = until - now;
                if (wait <= 0) {
                    continue;
                }
                parkedUntil = until;
                longPark = wait > drainNanos;
                sleeping = true;
                if (inbox.get() == null && !closed) {
                    LockSupport.parkNanos(this, wait);
                }
                sleeping = false;
            }
        } catch (Throwable e) {
            LOG.log(Level.ERROR, "clock thread failed; aborting its tasks", e);
            closed = true;
        } finally {
            sweep();
        }
    }

    /**
     * One round: takes in what was scheduled or cancelled since the last round, then fires
     * everything due. Only ever called by one thread at a time (the wheel's own, or a test).
     *
     * @return how many tasks the inbox held
     */
    int poll() {
        long now = clock.getAsLong();
        advance(now); // first, so that new tasks are placed relative to the current tick
        int taken = drainInbox();
        fireExpired(now); // new tasks that were due already
        entries = linked;
        return taken;
    }

    private WheelTask push(WheelTask task) {
        WheelTask head;
        do {
            head = inbox.get();
            task.link = head;
        } while (!inbox.compareAndSet(head, task));
        return head;
    }

    /** Takes the inbox in arrival order, so that tasks due in the same tick fire in that order. */
    private WheelTask takeInbox() {
        WheelTask head = inbox.getAndSet(null);
        WheelTask fifo = null;
        while (head != null) {
            WheelTask next = head.link;
            head.link = fifo;
            fifo = head;
            head = next;
        }
        return fifo;
    }

    private int drainInbox() {
        int taken = 0;
        WheelTask task = takeInbox();
        while (task != null) {
            // Read the link before the task becomes SCHEDULED: from then on a canceller may reuse it.
            WheelTask next = task.link;
            task.link = null;
            taken++;
            if (task.state == WheelTask.PENDING && task.casState(WheelTask.PENDING, WheelTask.SCHEDULED)) {
                insert(task);
            } else if (task.isLinked()) {
                unlink(task); // a cancel request
            }
            task = next;
        }
        return taken;
    }

    private long tickOf(long deadlineNanos) {
        long relative = deadlineNanos - origin;
        return Math.floorDiv(relative + tickNanos - 1, tickNanos); // rounded up: never early
    }

    private void insert(WheelTask task) {
        long when = tickOf(task.deadline);
        WheelTask head;
        if (when <= elapsed) {
            head = expired;
            task.slot = -1;
        } else {
            long masked = (elapsed ^ when) | (SLOTS - 1);
            if (masked >= SPAN_TICKS) {
                masked = SPAN_TICKS - 1; // beyond the top level's turn: its slots act as a ring
            }
            int level = (63 - Long.numberOfLeadingZeros(masked)) / LEVEL_BITS;
            int index = (int) (when >>> (level * LEVEL_BITS)) & (SLOTS - 1);
            int slot = level * SLOTS + index;
            head = slots[slot];
            task.slot = (short) slot;
            occupied[level] |= 1L << index;
        }
        WheelTask last = head.prev;
        task.prev = last;
        task.next = head;
        last.next = task;
        head.prev = task;
        linked++;
    }

    private void unlink(WheelTask task) {
        task.prev.next = task.next;
        task.next.prev = task.prev;
        task.prev = null;
        task.next = null;
        linked--;
        int slot = task.slot;
        if (slot >= 0) {
            WheelTask head = slots[slot];
            if (head.next == head) {
                occupied[slot >>> LEVEL_BITS] &= ~(1L << (slot & (SLOTS - 1)));
            }
        }
    }

    /**
     * The tick of the next slot to process, or {@link Long#MAX_VALUE}; leaves the slot in
     * {@link #nextLevel}/{@link #nextIndex}. Any task of a lower level is due before any slot of
     * a higher level, so the first level with a task holds the answer.
     */
    private long nextExpiration() {
        for (int level = 0; level < LEVELS; level++) {
            long bits = occupied[level];
            if (bits == 0) {
                continue;
            }
            int shift = level * LEVEL_BITS;
            int nowIndex = (int) (elapsed >>> shift) & (SLOTS - 1);
            int index = (Long.numberOfTrailingZeros(Long.rotateRight(bits, nowIndex)) + nowIndex) & (SLOTS - 1);
            long levelRange = 1L << (shift + LEVEL_BITS);
            long tick = (elapsed & -levelRange) + ((long) index << shift);
            if (tick <= elapsed) {
                tick += levelRange; // only on the top level: a slot of its next turn
            }
            nextLevel = level;
            nextIndex = index;
            return tick;
        }
        return Long.MAX_VALUE;
    }

    private long nextDueNanos(long now) {
        if (expired.next != expired) {
            return now;
        }
        long tick = nextExpiration();
        return tick == Long.MAX_VALUE ? now + IDLE_PARK_NANOS : origin + tick * tickNanos;
    }

    private void advance(long now) {
        long nowTick = Math.floorDiv(now - origin, tickNanos);
        fireExpired(now);
        for (;;) {
            long tick = nextExpiration();
            if (tick > nowTick) {
                break;
            }
            elapsed = tick;
            cascade(nextLevel, nextIndex);
            fireExpired(now);
        }
        if (nowTick > elapsed) {
            elapsed = nowTick;
        }
    }

    /** Empties a slot that the wheel reached: re-inserts its tasks relative to the new position. */
    private void cascade(int level, int index) {
        WheelTask head = slots[level * SLOTS + index];
        occupied[level] &= ~(1L << index);
        WheelTask task = head.next;
        if (task == head) {
            return;
        }
        head.prev.next = null;
        head.next = head;
        head.prev = head;
        while (task != null) {
            WheelTask next = task.next;
            task.next = null;
            task.prev = null;
            linked--;
            if (task.state == WheelTask.SCHEDULED) {
                insert(task); // due now: into the expired list; later: into a lower level
            }
            task = next;
        }
    }

    private void fireExpired(long now) {
        WheelTask head = expired;
        while (head.next != head) {
            WheelTask task = head.next;
            unlink(task);
            fire(task, now);
        }
    }

    private void fire(WheelTask task, long now) {
        if (!task.casState(WheelTask.SCHEDULED, WheelTask.FIRING)) {
            return; // cancelled; its cancel request finds it unlinked
        }
        // Uncounted before it expires: whoever its expiry wakes never sees it still live.
        live[task.kind()].decrement();
        long again;
        try {
            again = task.expire(now);
        } catch (Throwable e) {
            LOG.log(Level.ERROR, "clock task " + task.getClass().getSimpleName() + " failed", e);
            again = WheelTask.NO_REPEAT;
        }
        if (again == WheelTask.NO_REPEAT) {
            // final either way: a cancel that came meanwhile (FIRING -> CANCELLED) had nothing left to stop
            WheelTask.STATE.setRelease(task, WheelTask.DONE);
        } else if (task.casState(WheelTask.FIRING, WheelTask.SCHEDULED)) {
            live[task.kind()].increment();
            long earliest = origin + (elapsed + 1) * tickNanos; // a repeat never fires in the same round
            task.deadline = again - earliest < 0 ? earliest : again;
            insert(task);
        }
    }

    /** After close: aborts every task that has not fired. On the wheel thread, or on the closer without one. */
    private void sweep() {
        for (WheelTask task = takeInbox(); task != null; ) {
            WheelTask next = task.link;
            task.link = null;
            if (task.casState(WheelTask.PENDING, WheelTask.CANCELLED)) {
                live[task.kind()].decrement();
                abort(task);
            }
            task = next;
        }
        sweepList(expired);
        for (WheelTask head : slots) {
            sweepList(head);
        }
        Arrays.fill(occupied, 0L);
        linked = 0;
        entries = 0;
        swept = true;
    }

    private void sweepList(WheelTask head) {
        WheelTask task = head.next;
        head.next = head;
        head.prev = head;
        while (task != head) {
            WheelTask next = task.next;
            task.next = null;
            task.prev = null;
            if (task.casState(WheelTask.SCHEDULED, WheelTask.CANCELLED)) {
                live[task.kind()].decrement();
                abort(task);
            }
            task = next;
        }
    }

    private static void abort(WheelTask task) {
        try {
            task.abort();
        } catch (Throwable e) {
            LOG.log(Level.ERROR, "aborting clock task " + task.getClass().getSimpleName() + " failed", e);
        }
    }

    /** The head of a circular slot list. */
    private static final class Sentinel extends WheelTask {

        Sentinel() {
            prev = this;
            next = this;
        }

        @Override
        long expire(long nowNanos) {
            throw new AssertionError("a sentinel never expires");
        }

        @Override
        int kind() {
            return 0;
        }
    }
}
