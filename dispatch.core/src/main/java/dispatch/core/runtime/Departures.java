package dispatch.core.runtime;

import dispatch.core.registry.Claimant;
import dispatch.core.registry.DepartureListener;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the runtime does when a dispatcher leaves (its bundle stops, is updated or refreshed):
 * each yield it was given and has not completed gets exactly one result, the old handler's
 * own if it comes within the grace period, otherwise a {@code module-left} error naming the
 * module. New yields to its IDs fail at once with {@code module-unavailable} (the registry's
 * placeholder route), so nothing new waits on a module that is not there.
 *
 * <p>The hot path pays one field write per yield: the slot records the service ID of the
 * dispatcher whose handler it went to. When the grace period ends, one sweep over the slots of
 * every process fails those still pending at that dispatcher. A yield that looked its route up
 * before the departure but recorded the claimant only after the sweep looked at its slot (a
 * thread preempted right there) is caught by the dispatching thread itself: it sees that the
 * route changed while the handler ran, and {@link #recheck asks} here.
 */
final class Departures implements DepartureListener {

    static final Duration DEFAULT_GRACE = Duration.ofSeconds(2);
    private static final Logger LOG = System.getLogger(Departures.class.getName());
    // A straggler shows up within moments of the sweep; the record is kept far longer than that.
    private static final long FORGET_AFTER_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** A dispatcher that left. Names and numbers only: nothing of the module's classes. */
    static final class Departure {
        final Claimant claimant;
        final long graceMillis;
        private boolean swept; // guarded by this

        Departure(Claimant claimant, long graceNanos) {
            this.claimant = claimant;
            this.graceMillis = TimeUnit.NANOSECONDS.toMillis(graceNanos);
        }

        synchronized void markSwept() {
            swept = true;
        }

        synchronized boolean swept() {
            return swept;
        }
    }

    private final DispatchRuntime runtime;
    private final ConcurrentHashMap<Long, Departure> recent = new ConcurrentHashMap<>();
    private final LongAdder failed = new LongAdder();
    private volatile long graceNanos = DEFAULT_GRACE.toNanos();

    Departures(DispatchRuntime runtime) {
        this.runtime = runtime;
    }

    /** How long a departed dispatcher's handlers may still complete what they were given. */
    void grace(Duration grace) {
        graceNanos = Math.max(0, ProcessCell.nanos(grace));
    }

    Duration grace() {
        return Duration.ofNanos(graceNanos);
    }

    /** Yields that got {@code module-left} so far. */
    long failed() {
        return failed.sum();
    }

    /** Counts one yield failed with {@code module-left}, before its result is delivered. */
    void countFailed() {
        failed.increment();
    }

    /** Called by the registry before it publishes the table without the dispatcher. */
    @Override
    public void departed(Claimant claimant) {
        long grace = graceNanos;
        Departure departure = new Departure(claimant, grace);
        recent.put(claimant.serviceId(), departure);
        runtime.timer.schedule(() -> sweep(departure), System.nanoTime() + grace);
    }

    /** The grace period is over: every yield still pending at the departed dispatcher fails. */
    private void sweep(Departure departure) {
        departure.markSwept();
        long count = 0;
        for (ProcessCell cell : runtime.cells()) {
            count += cell.failLeft(departure);
        }
        if (count > 0) {
            LOG.log(Level.INFO, "dispatch: {0} ({1}) left with {2} yields in flight that its handlers did not"
                    + " complete within {3} ms: they got module-left", departure.claimant,
                    departure.claimant.revisionText(), String.valueOf(count), String.valueOf(departure.graceMillis));
        }
        long serviceId = departure.claimant.serviceId();
        runtime.timer.schedule(() -> recent.remove(serviceId, departure), System.nanoTime() + FORGET_AFTER_NANOS);
    }

    /**
     * The handler of {@code claimant} threw while the dispatching thread called it, and the route
     * changed meanwhile. If that dispatcher left, the throw refused a call that raced the
     * departure (its module was being deactivated, or its class loader was gone): the yield gets
     * {@code module-left}, and this returns {@code true}. Otherwise the throw is the handler's own.
     */
    boolean refused(ProcessCell cell, YieldSlot slot, long tag, long claimant, Throwable thrown) {
        Departure departure = recent.get(claimant);
        if (departure == null) {
            return false;
        }
        cell.failLeft(slot, tag, Errors.refusedWhileLeaving(departure, cell.pid, tag, slot.commandId, thrown));
        return true;
    }

    /**
     * The dispatching thread found the route of its yield replaced after the handler returned.
     * If the handler's dispatcher left and its sweep already ran, the sweep may have missed this
     * yield; it gets its result here. If the sweep is yet to run, it will see the yield: the
     * claimant was recorded before this call, and the sweep marks itself under the same lock.
     */
    void recheck(ProcessCell cell, YieldSlot slot, long tag, long claimant) {
        Departure departure = recent.get(claimant);
        if (departure == null || !departure.swept()) {
            return; // the dispatcher is still there (the ID changed for another reason), or the sweep will come
        }
        cell.failLeft(slot, tag, departure);
    }
}
