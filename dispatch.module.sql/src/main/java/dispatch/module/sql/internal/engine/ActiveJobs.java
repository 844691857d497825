package dispatch.module.sql.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The jobs with work on one datasource, so that closing it can fail and cancel them. A job
 * takes one of a fixed set of slots with a compare-and-set and leaves it with another (a query
 * pays no lock for being listed); only while every slot near its thread's is taken does it go
 * on a list under a lock.
 */
final class ActiveJobs {

    private static final int SLOTS = 64; // a power of two
    private static final int PROBES = 4;
    static final int UNLISTED = -1;
    static final int OVERFLOW = -2;

    private final AtomicReferenceArray<Job> slots = new AtomicReferenceArray<>(SLOTS);
    private final Object overflowLock = new Object();
    private Job firstOverflow; // linked through the jobs, guarded by overflowLock

    /** A job was given work. */
    void add(Job job) {
        int start = spread(Thread.currentThread().getId());
        for (int probe = 0; probe < PROBES; probe++) {
            int index = (start + probe) & (SLOTS - 1);
            if (slots.get(index) == null && slots.compareAndSet(index, null, job)) {
                job.listedAt = index;
                return;
            }
        }
        synchronized (overflowLock) {
            job.listedAt = OVERFLOW;
            job.next = firstOverflow;
            if (firstOverflow != null) {
                firstOverflow.previous = job;
            }
            firstOverflow = job;
        }
    }

    /** A job's work ended (or will never run); a second call does nothing. */
    void remove(Job job) {
        int index = job.listedAt;
        if (index >= 0) {
            // Only a null slot is ever taken, so while it holds this job nobody else writes it: a
            // release store frees it (a second call finds it empty or another job's). A close
            // that still sees the job abandons a finished job, which does nothing.
            if (slots.get(index) == job) {
                slots.setRelease(index, null);
            }
            return;
        }
        if (index == OVERFLOW) {
            unlinkOverflow(job);
        }
    }

    private void unlinkOverflow(Job job) {
        synchronized (overflowLock) {
            if (job.previous == null && firstOverflow != job) {
                return; // not listed any more
            }
            if (job.previous != null) {
                job.previous.next = job.next;
            } else {
                firstOverflow = job.next;
            }
            if (job.next != null) {
                job.next.previous = job.previous;
            }
            job.previous = null;
            job.next = null;
        }
    }

    /** The jobs listed now (one that ends meanwhile may be among them). */
    List<Job> snapshot() {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            Job job = slots.get(i);
            if (job != null) {
                jobs.add(job);
            }
        }
        synchronized (overflowLock) {
            for (Job job = firstOverflow; job != null; job = job.next) {
                jobs.add(job);
            }
        }
        return jobs;
    }

    private static int spread(long threadId) {
        return (int) ((threadId * 0x9E3779B97F4A7C15L) >>> 58); // top 6 bits: one of the 64 slots
    }
}
