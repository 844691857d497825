package dispatch.api.process;

import dispatch.api.Command;

/** Terminates a process. Completes with {@code false} when it was not running. */
public record Terminate(long pid, String reason) implements Command<Boolean> {

    public static final int ID = 3;

    @Override
    public int id() {
        return ID;
    }
}
