package dispatch.api.process;

import dispatch.api.Command;

/**
 * Watches a process: when it ends, a {@link Down} message with the reason arrives. Monitoring a
 * process that is not running sends the notice at once (reason {@code no-such-process}).
 * Completes with the monitor reference.
 */
public record Monitor(long pid) implements Command<Long> {

    public static final int ID = 5;

    @Override
    public int id() {
        return ID;
    }
}
