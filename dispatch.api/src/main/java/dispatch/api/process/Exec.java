package dispatch.api.process;

import dispatch.api.Command;
import java.util.concurrent.Callable;

/**
 * Runs blocking code off the workers (on a virtual thread where the JVM has them) and completes
 * with what it returns, or with its exception as the error. Cancelling the yield interrupts it.
 */
public record Exec<R>(Callable<R> task) implements Command<R> {

    public static final int ID = 9;

    @Override
    public int id() {
        return ID;
    }
}
