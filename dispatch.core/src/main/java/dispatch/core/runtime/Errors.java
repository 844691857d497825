package dispatch.core.runtime;

import dispatch.api.DispatchException;
import dispatch.api.IdRange;
import dispatch.core.registry.Route;
import java.util.Optional;

/** The error results the runtime itself produces, each with a message that names what failed. */
final class Errors {

    private Errors() {
    }

    static DispatchException unknownCommand(int id) {
        Optional<IdRange> range = IdRange.of(id);
        String where;
        if (range.isEmpty()) {
            where = IdRange.isValid(id) ? "it lies in no assigned range" : "it is not a valid command ID ("
                    + IdRange.MIN_ID + "-" + IdRange.MAX_ID + ")";
        } else if (range.get() == IdRange.CUSTOM) {
            where = "custom range " + IdRange.FIRST_CUSTOM_ID + "-" + IdRange.MAX_ID + ", no module registered it";
        } else {
            IdRange owner = range.get();
            where = "range " + owner.first() + "-" + owner.last() + " of module '" + owner.module()
                    + "', which has no handler for it";
        }
        return new DispatchException(DispatchException.UNKNOWN_COMMAND, "unknown command ID " + id + " (" + where + ")");
    }

    static DispatchException moduleUnavailable(Route route) {
        return new DispatchException(DispatchException.MODULE_UNAVAILABLE, "command ID " + route.id() + " ("
                + route.commandName() + ") belongs to " + route.claimant() + ", which is not available now");
    }

    static DispatchException moduleLeft(Departures.Departure departure, long pid, long tag, int commandId) {
        return new DispatchException(DispatchException.MODULE_LEFT, departure.claimant + " left while yield " + tag
                + " of process " + pid + " (command ID " + commandId + ") was in flight, and its handler did not"
                + " complete it within the grace period of " + departure.graceMillis + " ms");
    }

    static DispatchException refusedWhileLeaving(Departures.Departure departure, long pid, long tag, int commandId,
            Throwable thrown) {
        return new DispatchException(DispatchException.MODULE_LEFT, departure.claimant + " left as yield " + tag
                + " of process " + pid + " (command ID " + commandId + ") reached its handler, which refused it: "
                + thrown, thrown);
    }

    static DispatchException handlerFailed(Route route, Throwable thrown) {
        if (thrown instanceof DispatchException dispatchError) {
            return dispatchError;
        }
        return new DispatchException(DispatchException.HANDLER_FAILED, "the handler of command ID " + route.id() + " ("
                + route.commandName() + ") of " + route.claimant() + " threw " + thrown, thrown);
    }

    static DispatchException timeout(long pid, long tag) {
        return new DispatchException(DispatchException.TIMEOUT, "yield " + tag + " of process " + pid
                + " passed its deadline");
    }

    static DispatchException cancelled(long tag) {
        return new DispatchException(DispatchException.CANCELLED, "yield " + tag + " was cancelled");
    }

    static DispatchException shutdown() {
        return new DispatchException(DispatchException.SHUTDOWN, "the runtime is stopping");
    }
}
