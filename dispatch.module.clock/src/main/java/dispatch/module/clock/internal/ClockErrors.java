package dispatch.module.clock.internal;

import dispatch.api.Command;
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

    /** The command as the type its ID promises; another class that claims the ID is refused. */
    static <C extends Command<?>> C as(Command<?> command, Class<C> type) {
        if (!type.isInstance(command)) {
            throw invalid("command ID " + command.id() + " must be a " + type.getName() + ", got "
                    + command.getClass().getName());
        }
        return type.cast(command);
    }

    static DispatchException invalid(String message) {
        return new DispatchException(DispatchException.INVALID_ARGUMENT, message);
    }

    static DispatchException moduleLeft() {
        return new DispatchException(DispatchException.MODULE_LEFT, "the clock module stopped");
    }
}
