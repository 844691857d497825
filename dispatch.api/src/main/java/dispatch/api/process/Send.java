package dispatch.api.process;

import dispatch.api.Command;

/**
 * Sends a message to a process. Completes with {@code true} when it was queued, {@code false}
 * when the target is not running.
 */
public record Send(long pid, Object message) implements Command<Boolean> {

    public static final int ID = 1;

    @Override
    public int id() {
        return ID;
    }
}
