package dispatch.testing;

import dispatch.api.Subscription;
import java.util.ArrayList;
import java.util.List;

/** Actions to run once when something ends (a yield, a process): kept until then, run at once after. */
final class Hooks {

    private final List<Runnable> actions = new ArrayList<>(); // guarded by this
    private boolean closed; // guarded by this

    /** Keeps {@code action} until {@link #close}, or runs it now on this thread if that has happened. */
    Subscription add(Runnable action) {
        synchronized (this) {
            if (!closed) {
                actions.add(action);
                return () -> {
                    synchronized (Hooks.this) {
                        actions.remove(action);
                    }
                };
            }
        }
        action.run();
        return () -> { };
    }

    /** Runs the kept actions on this thread, once: later ones run as they are added. */
    void close() {
        List<Runnable> due;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            due = new ArrayList<>(actions);
            actions.clear();
        }
        due.forEach(Runnable::run);
    }

    /** The actions kept and not yet closed or run. */
    synchronized int size() {
        return actions.size();
    }
}
