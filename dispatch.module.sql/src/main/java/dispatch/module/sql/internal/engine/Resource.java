package dispatch.module.sql.internal.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Something a handle stands for: a transaction, a prepared statement or a cursor. It belongs to
 * one process and one datasource, and is closed exactly once.
 */
abstract class Resource {

    final long id;
    final long owner;
    final Source source;
    final long openedAtMillis = System.currentTimeMillis();
    private final AtomicBoolean closed = new AtomicBoolean();

    Resource(long id, long owner, Source source) {
        this.id = id;
        this.owner = owner;
        this.source = source;
    }

    /** {@code tx}, {@code stmt} or {@code cursor}. */
    abstract Kind kind();

    boolean isOpen() {
        return !closed.get();
    }

    /** Marks the resource closed and forgets its handle; {@code true} only the first time. */
    final boolean markClosed() {
        if (closed.compareAndSet(false, true)) {
            source.handles.forget(this);
            return true;
        }
        return false;
    }

    /**
     * Closes the resource, rolling back and giving back what it holds, after the work queued
     * for it so far (on its lane, where it has one). Safe from any thread; idempotent.
     */
    abstract void close(String why);

    /** Closes at once on the calling thread, for shutdown once the lanes are stopped; idempotent. */
    abstract void closeNow();

    /**
     * Hands this resource's statement to {@code job} for its next run. A cancel of an earlier
     * job's run holds this resource's lock (see {@link Job#cancelUnder}), so the hand-over waits
     * until such a cancel is done, and a cancel after it finds the earlier job no longer running.
     */
    final synchronized void handTo(Job job) {
        job.cancelUnder(this);
    }

    /** Closes on {@code lane}, after the work queued there; also when the lane no longer runs work. */
    final void closeOn(Lane lane) {
        lane.submit(new Task() {
            @Override
            public void run() {
                closeNow();
            }

            @Override
            public void abort() {
                closeNow();
            }
        });
    }

    @Override
    public String toString() {
        return kind().label + "#" + id + "@" + source.name();
    }

    /** The kinds of handles, with the SQLState of a use of an unknown or closed one. */
    enum Kind {
        TX("tx", "25000"),
        STATEMENT("stmt", "26000"),
        CURSOR("cursor", "34000");

        final String label;
        final String unknownState;

        Kind(String label, String unknownState) {
            this.label = label;
            this.unknownState = unknownState;
        }
    }
}
