package dispatch.api.process;

import dispatch.api.Command;
import java.util.Objects;

/**
 * Starts a process, a {@link StepProcess} or a {@link BlockingProcess}, optionally linked to
 * the spawning one. Completes with the new PID.
 */
public record Spawn(Object process, boolean link) implements Command<Long> {

    public static final int ID = 2;

    public Spawn {
        Objects.requireNonNull(process, "process");
        if (!(process instanceof StepProcess) && !(process instanceof BlockingProcess)) {
            throw new IllegalArgumentException("not a StepProcess or BlockingProcess: " + process.getClass().getName());
        }
    }

    public Spawn(StepProcess process) {
        this(process, false);
    }

    public Spawn(BlockingProcess process) {
        this(process, false);
    }

    @Override
    public int id() {
        return ID;
    }
}
