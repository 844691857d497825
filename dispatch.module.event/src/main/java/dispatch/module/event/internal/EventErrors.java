package dispatch.module.event.internal;

import dispatch.api.DispatchException;

/** The error of a yield that came after the module stopped. */
final class EventErrors {

    private EventErrors() {
    }

    static DispatchException moduleLeft() {
        return new DispatchException(DispatchException.MODULE_LEFT, "the event module stopped");
    }
}
