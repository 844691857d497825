package dispatch.api.process;

import dispatch.api.Command;

/** Removes a link. Completes with {@code false} when there was none. */
public record Unlink(long pid) implements Command<Boolean> {

    public static final int ID = 8;

    @Override
    public int id() {
        return ID;
    }
}
