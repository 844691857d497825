package dispatch.core.runtime;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One thread and one queue for the deadlines of all yields of a runtime. An entry remembers
 * the tag it was set for, so a deadline that outlived its yield (the slot was recycled)
 * cannot touch the slot's next yield. Entries of yields that completed are dropped lazily,
 * and the queue is rebuilt when they make up most of it.
 */
final class DeadlineTimer {

    /** A deadline of one yield. */
    static final class Entry implements Comparable<Entry> {
        final YieldSlot slot;
        final long tag;
        final long deadline;
        boolean discarded; // guarded by the timer's lock

        Entry(YieldSlot slot, long tag, long deadline) {
            this.slot = slot;
            this.tag = tag;
            this.deadline = deadline;
        }

        @Override
        public int compareTo(Entry other) {
            return Long.compare(deadline - other.deadline, 0);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private PriorityQueue<Entry> queue = new PriorityQueue<>();
    private int discarded;
    private Thread thread;
    private boolean stopped;

    Entry schedule(YieldSlot slot, long tag, long deadline) {
        Entry entry = new Entry(slot, tag, deadline);
        lock.lock();
        try {
            if (stopped) {
                return entry; // the runtime is stopping and cancels every yield anyway
            }
            if (thread == null) {
                thread = new Thread(this::run, "dispatch-timer");
                thread.setDaemon(true);
                thread.start();
            }
            queue.add(entry);
            if (queue.peek() == entry) {
                changed.signal();
            }
        } finally {
            lock.unlock();
        }
        return entry;
    }

    /** The yield completed before its deadline. */
    void discard(Entry entry) {
        lock.lock();
        try {
            if (entry.discarded) {
                return;
            }
            entry.discarded = true;
            if (++discarded > 64 && discarded > queue.size() / 2) {
                PriorityQueue<Entry> live = new PriorityQueue<>(Math.max(1, queue.size() - discarded));
                for (Entry candidate : queue) {
                    if (!candidate.discarded) {
                        live.add(candidate);
                    }
                }
                queue = live;
                discarded = 0;
            }
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            Entry due;
            lock.lock();
            try {
                while (true) {
                    if (stopped) {
                        return;
                    }
                    Entry first = queue.peek();
                    if (first == null) {
                        changed.awaitUninterruptibly();
                        continue;
                    }
                    long wait = first.deadline - System.nanoTime();
                    if (wait <= 0) {
                        queue.poll();
                        if (first.discarded) {
                            discarded--;
                            continue;
                        }
                        first.discarded = true;
                        due = first;
                        break;
                    }
                    changed.awaitNanos(wait);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                due.slot.cell.expire(due.slot, due.tag);
            } catch (RuntimeException e) {
                System.getLogger(DeadlineTimer.class.getName()).log(System.Logger.Level.WARNING,
                        "dispatch: a deadline failed to fire", e);
            }
        }
    }

    void stop() {
        Thread running;
        lock.lock();
        try {
            stopped = true;
            queue.clear();
            changed.signalAll();
            running = thread;
        } finally {
            lock.unlock();
        }
        if (running != null) {
            try {
                running.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Deadlines waiting, for tests. */
    int size() {
        lock.lock();
        try {
            return queue.size() - discarded;
        } finally {
            lock.unlock();
        }
    }
}
