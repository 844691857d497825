package dispatch.module.sql.internal.engine;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the tasks of one connection (a transaction's, a cursor's) one after another on a JDBC
 * executor, in the order they came: a JDBC connection is not for concurrent use, and a process
 * may yield several commands on one transaction at once. No thread waits for the lane: it
 * takes an executor thread only while it has tasks.
 */
final class Lane {

    private final Executor executor;
    private final Queue<Task> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    Lane(Executor executor) {
        this.executor = executor;
    }

    void submit(Task task) {
        tasks.add(task);
        if (pending.getAndIncrement() == 0) {
            schedule();
        }
    }

    /**
     * Runs {@code task} on the calling thread when the lane is idle (the caller may block), else
     * queues it behind the lane's work.
     */
    void runHereOrSubmit(Task task) {
        if (pending.compareAndSet(0, 1)) {
            try {
                task.run();
            } finally {
                // whatever was queued meanwhile was counted but not scheduled: the lane is still ours
                if (pending.decrementAndGet() != 0) {
                    schedule();
                }
            }
            return;
        }
        submit(task);
    }

    private void schedule() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            abortAll();
        }
    }

    private void drain() {
        // every task was queued before it was counted, so a positive count always finds one
        for (int i = 0; i < 64; i++) {
            Task task = tasks.poll();
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                // a task completes its yield itself; nothing may stop the lane
            }
            if (pending.decrementAndGet() == 0) {
                return;
            }
        }
        // give the thread back now and then, so that one busy lane cannot hold it for ever
        schedule();
    }

    private void abortAll() {
        do {
            try {
                tasks.poll().abort();
            } catch (RuntimeException e) {
                // the next task must still hear of it
            }
        } while (pending.decrementAndGet() != 0);
    }
}
