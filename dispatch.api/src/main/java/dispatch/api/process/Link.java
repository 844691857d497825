package dispatch.api.process;

import dispatch.api.Command;

/**
 * Links the process with another, both ways: when one ends abnormally the other is terminated
 * too, with a reason naming the first. Completes with {@code true}; linking to a process that
 * is not running completes with a {@code no-such-process} error.
 */
public record Link(long pid) implements Command<Boolean> {

    public static final int ID = 7;

    @Override
    public int id() {
        return ID;
    }
}
