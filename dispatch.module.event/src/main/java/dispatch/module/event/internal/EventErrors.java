package dispatch.module.event.internal;

import dispatch.api.DispatchException;

/** The errors the module fails yields with, besides {@code overloaded} and {@code too-many-subscribers}. */
final class EventErrors {

    private EventErrors() {
    }

    static DispatchException invalid(String message) {
        return new DispatchException(DispatchException.INVALID_ARGUMENT, message);
    }

    static DispatchException moduleLeft() {
        return new DispatchException(DispatchException.MODULE_LEFT, "the event module stopped");
    }
}
