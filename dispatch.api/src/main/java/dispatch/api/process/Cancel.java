package dispatch.api.process;

import dispatch.api.Command;

/**
 * Cancels one of the process's own outstanding yields: that yield completes with a
 * {@code cancelled} error and its handler sees the cancellation. Completes with {@code false}
 * when the tag had no outstanding yield.
 */
public record Cancel(long tag) implements Command<Boolean> {

    public static final int ID = 4;

    @Override
    public int id() {
        return ID;
    }
}
