package dispatch.module.clock.internal;

import dispatch.api.DispatchException;
import dispatch.module.clock.Sleep;
import java.time.Duration;

/** The clock's checks of its input, and the errors it completes yields with. */
final class ClockErrors {

    private ClockErrors() {
    }

    /**
     * Checks a duration given to a clock command.
     *
     * @return the duration in nanoseconds
     * @throws DispatchException {@code invalid-argument} when it is null, negative, shorter
     *                           than {@code min} or longer than {@link Sleep#MAX_DURATION}
     */
    static long checkDuration(Duration duration, String what, Duration min) {
        if (duration == null) {
            throw invalid(what + " is missing (null)");
        }
        if (duration.isNegative()) {
            throw invalid(what + " must not be negative, got " + duration);
        }
        if (duration.compareTo(Sleep.MAX_DURATION) > 0) {
            throw invalid(what + " must not exceed " + Sleep.MAX_DURATION.toDays() + " days, got " + duration);
        }
        if (duration.compareTo(min) < 0) {
            throw invalid(what + " must be at least " + min.toMillis() + " ms, got " + duration);
        }
        return duration.toNanos();
    }

    static DispatchException invalid(String message) {
        return new DispatchException(DispatchException.INVALID_ARGUMENT, message);
    }

    /**
     * The error of a yield that was still waiting when the module stopped. It has no stack
     * trace: it is made once per waiting yield (possibly a million) and the stack of the
     * stopping thread would say nothing about the yield.
     */
    static DispatchException moduleLeft() {
        return new ModuleLeft();
    }

    private static final class ModuleLeft extends DispatchException {

        private static final long serialVersionUID = 1L;

        ModuleLeft() {
            super(DispatchException.MODULE_LEFT, "the clock module stopped");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
