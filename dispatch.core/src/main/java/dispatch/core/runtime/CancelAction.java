package dispatch.core.runtime;

import dispatch.api.Subscription;
import java.lang.System.Logger.Level;

/**
 * A handler's cancel callback on one {@link YieldSlot}. Each registration is its own object,
 * so closing a stale subscription can never remove the action of a later yield of the same
 * (recycled) slot.
 */
final class CancelAction implements Subscription {

    static final Subscription NONE = () -> { };

    private final YieldSlot slot;
    private final Runnable action;
    CancelAction next; // guarded by the slot

    CancelAction(YieldSlot slot, Runnable action) {
        this.slot = slot;
        this.action = action;
    }

    void fire() {
        run(action);
    }

    static void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | LinkageError e) {
            System.getLogger(CancelAction.class.getName()).log(Level.WARNING, "dispatch: a cancel action failed", e);
        }
    }

    @Override
    public void close() {
        slot.remove(this);
    }
}
