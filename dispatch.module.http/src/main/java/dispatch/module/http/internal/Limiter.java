package dispatch.module.http.internal;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Caps the requests in flight in the module. Requests beyond the cap wait in line, first come
 * first served, up to a maximum; a request that leaves the line (cancelled, timed out) gives
 * up its place, and one that finishes hands its permit to the next in line.
 */
final class Limiter {

    /** Told when its ticket was granted a permit. */
    interface Waiter {
        void granted();
    }

    /** How {@link #enter} went. */
    enum Admission { GRANTED, QUEUED, REJECTED }

    private static final int NEW = 0;
    private static final int QUEUED = 1;
    private static final int GRANTED = 2;
    private static final int CLOSED = 3;

    private final int max;
    private final int maxQueued;
    private final Executor executor;
    private final ArrayDeque<Ticket> line = new ArrayDeque<>(); // guarded by this
    private int active; // guarded by this

    /**
     * @param executor runs the {@link Waiter#granted()} of a request that waited, so that a chain
     *                 of hand-offs never grows the stack of the thread that finished a request
     */
    Limiter(int max, int maxQueued, Executor executor) {
        this.max = max;
        this.maxQueued = maxQueued;
        this.executor = executor;
    }

    /** One request's place in the limiter. */
    final class Ticket {
        private final Waiter waiter;
        private int state = NEW; // guarded by the limiter

        Ticket(Waiter waiter) {
            this.waiter = waiter;
        }

        /**
         * Leaves the line or gives the permit back; does nothing the second time. Safe in any
         * state, so that cleanup need not know how far the request got.
         */
        void close() {
            Ticket next = null;
            synchronized (Limiter.this) {
                if (state == QUEUED) {
                    line.remove(this);
                } else if (state == GRANTED) {
                    next = line.poll();
                    if (next == null) {
                        active--;
                    } else {
                        next.state = GRANTED; // the permit passes on; active stays
                    }
                }
                state = CLOSED;
            }
            if (next != null) {
                try {
                    executor.execute(next.waiter::granted);
                } catch (RejectedExecutionException e) {
                    // The module stopped: it failed every request it served, this one included.
                }
            }
        }
    }

    /**
     * Enters a ticket: granted at once when a permit is free (the caller then starts the work
     * itself), queued otherwise (its waiter is told later), or rejected when the line is full.
     */
    Admission enter(Ticket ticket) {
        synchronized (this) {
            if (ticket.state != NEW) {
                return Admission.REJECTED;
            }
            if (active < max) {
                active++;
                ticket.state = GRANTED;
                return Admission.GRANTED;
            }
            if (line.size() >= maxQueued) {
                ticket.state = CLOSED;
                return Admission.REJECTED;
            }
            ticket.state = QUEUED;
            line.add(ticket);
            return Admission.QUEUED;
        }
    }

    synchronized int active() {
        return active;
    }

    synchronized int queued() {
        return line.size();
    }
}
