package dispatch.module.clock.internal;

import dispatch.api.ProcessRef;
import dispatch.api.ResultReceiver;
import dispatch.api.YieldContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-shot timer (semantics in {@link dispatch.module.clock.TimerStart}). Each arming is a
 * fresh {@link Arm} in the wheel, so a reset only has to cancel the old one; an arm that fires
 * after it was superseded finds it is no longer {@code armed} and does nothing.
 */
final class Timer implements ClockHandle, Runnable {

    private final Clock clock;
    private final long id;
    private final ProcessRef owner;

    // Guarded by this.
    private Arm armed;
    private boolean fired;
    private boolean stopped;
    private List<Waiter> waiters;

    final ExitLink exitLink = new ExitLink();

    Timer(Clock clock, long id, ProcessRef owner) {
        this.clock = clock;
        this.id = id;
        this.owner = owner;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public ProcessRef owner() {
        return owner;
    }

    @Override
    public String typeName() {
        return "timer";
    }

    /**
     * Arms the timer to fire at {@code deadlineNanos}.
     *
     * @return whether it was armed before (had not fired), or {@code null} when it is stopped
     */
    Boolean arm(long deadlineNanos) {
        synchronized (this) {
            if (stopped) {
                return null;
            }
            boolean wasArmed = armed != null;
            if (wasArmed) {
                clock.wheel().cancel(armed);
            }
            armed = new Arm(this);
            fired = false;
            clock.wheel().schedule(armed, deadlineNanos);
            return wasArmed;
        }
    }

    private void fire(Arm arm) {
        List<Waiter> woken;
        synchronized (this) {
            if (stopped || armed != arm) {
                return; // superseded by a reset or a stop
            }
            armed = null;
            fired = true;
            woken = takeWaiters();
        }
        complete(woken, Boolean.TRUE, null);
    }

    /**
     * Waits for the timer to fire.
     *
     * @return {@code false} when the timer is stopped (nothing was done)
     */
    boolean await(YieldContext context, long tag, ResultReceiver receiver) {
        Waiter waiter;
        synchronized (this) {
            if (stopped) {
                return false;
            }
            if (fired) {
                waiter = null;
            } else {
                waiter = new Waiter(this, receiver, tag);
                if (waiters == null) {
                    waiters = new ArrayList<>(2);
                }
                waiters.add(waiter);
                clock.waitAdded();
            }
        }
        if (waiter == null) {
            receiver.complete(tag, Boolean.TRUE);
        } else {
            context.onCancel(waiter); // after adding: a yield cancelled already withdraws at once
        }
        return true;
    }

    private void withdraw(Waiter waiter) {
        synchronized (this) {
            if (waiters == null || !waiters.remove(waiter)) {
                return;
            }
        }
        clock.waitEnded(1);
    }

    /**
     * Stops the timer: pending waits complete with {@code false}, or fail with {@code error}.
     *
     * @return whether it was still armed, or {@code null} when it was stopped already
     */
    Boolean stop(Throwable error) {
        List<Waiter> woken;
        boolean wasArmed;
        synchronized (this) {
            if (stopped) {
                return null;
            }
            stopped = true;
            wasArmed = armed != null;
            if (wasArmed) {
                clock.wheel().cancel(armed);
                armed = null;
            }
            woken = takeWaiters();
        }
        clock.ended(this);
        exitLink.close();
        complete(woken, Boolean.FALSE, error);
        return wasArmed;
    }

    private List<Waiter> takeWaiters() {
        List<Waiter> taken = waiters;
        waiters = null;
        return taken;
    }

    private void complete(List<Waiter> woken, Boolean value, Throwable error) {
        if (woken == null) {
            return;
        }
        clock.waitEnded(woken.size());
        for (Waiter waiter : woken) {
            waiter.receiver.completeYield(waiter.tag, error == null ? value : null, error);
        }
    }

    @Override
    public void end(Throwable error) {
        stop(error);
    }

    /** Runs when the owning process ends. */
    @Override
    public void run() {
        stop(null);
    }

    /** One arming of the timer in the wheel. */
    static final class Arm extends WheelTask {

        private final Timer timer;

        Arm(Timer timer) {
            this.timer = timer;
        }

        @Override
        long expire(long nowNanos) {
            timer.fire(this);
            return NO_REPEAT;
        }

        @Override
        int kind() {
            return Clock.KIND_TIMER;
        }
    }

    /** A pending wait; its cancellation action withdraws it. */
    private static final class Waiter implements Runnable {

        private final Timer timer;
        private final ResultReceiver receiver;
        private final long tag;

        Waiter(Timer timer, ResultReceiver receiver, long tag) {
            this.timer = timer;
            this.receiver = receiver;
            this.tag = tag;
        }

        @Override
        public void run() {
            timer.withdraw(this);
        }
    }
}
