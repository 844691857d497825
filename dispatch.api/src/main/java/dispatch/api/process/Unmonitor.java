package dispatch.api.process;

import dispatch.api.Command;

/** Stops a monitor. Completes with {@code false} when the reference was not active. */
public record Unmonitor(long ref) implements Command<Boolean> {

    public static final int ID = 6;

    @Override
    public int id() {
        return ID;
    }
}
