package dispatch.core.runtime.scheduling;

import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One thread and one queue for the deadlines of all yields of a runtime, and for the
 * runtime's own delayed tasks (the end of a departed module's grace period). An entry
 * remembers the tag it was set for, so a deadline that outlived its yield (the slot was
 * recycled) cannot touch the slot's next yield. Entries of yields that completed are dropped
 * lazily, and the queue is rebuilt when they make up most of it; a discarded entry lets go of
 * its {@link Expiry} (the yield's slot) at once, so that it keeps nothing of the yield alive
 * while it waits to be dropped.
 */
public final class DeadlineTimer {

    /** A deadline of one yield; what {@link #discard} takes once the yield completed. */
    public static final class Entry implements Comparable<Entry> {
        Expiry expiry; // guarded by the timer's lock; null once discarded, or for a task
        final Runnable task;
        final long tag;
        final long deadline;
        boolean discarded; // guarded by the timer's lock

        Entry(Expiry expiry, long tag, long deadline) {
            this.expiry = expiry;
            this.task = null;
            this.tag = tag;
            this.deadline = deadline;
        }

        Entry(Runnable task, long deadline) {
            this.expiry = null;
            this.task = task;
            this.tag = 0;
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

    /** Fires {@code expiry} for {@code tag} once {@code deadline} ({@link System#nanoTime()}) passed. */
    public Entry schedule(Expiry expiry, long tag, long deadline) {
        return add(new Entry(expiry, tag, deadline));
    }

    /** Runs {@code task} on the timer's thread once {@code deadline} ({@link System#nanoTime()}) passed. */
    public void schedule(Runnable task, long deadline) {
        add(new Entry(task, deadline));
    }

    private Entry add(Entry entry) {
        lock.lock();
        try {
            if (stopped) {
                return entry; // the runtime is stopping and cancels every yield anyway
            }
            if (thread == null) {
                thread = Threads.platform(this::run, "dispatch-timer");
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
    public void discard(Entry entry) {
        lock.lock();
        try {
            if (entry.discarded) {
                return;
            }
            entry.discarded = true;
            entry.expiry = null;
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
            Expiry expiry;
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
                        expiry = first.expiry;
                        first.expiry = null;
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
                if (due.task != null) {
                    due.task.run();
                } else {
                    expiry.expire(due.tag);
                }
            } catch (RuntimeException e) {
                System.getLogger(DeadlineTimer.class.getName()).log(System.Logger.Level.WARNING,
                        "dispatch: a deadline failed to fire", e);
            }
        }
    }

    /** Drops every deadline and task, and waits a little for the timer's thread to end. */
    public void stop() {
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

    /** Deadlines of yields waiting (not the runtime's own tasks), for tests. */
    public int size() {
        lock.lock();
        try {
            int count = 0;
            for (Entry entry : queue) {
                if (!entry.discarded && entry.task == null) {
                    count++;
                }
            }
            return count;
        } finally {
            lock.unlock();
        }
    }
}
