package dispatch.core.runtime;

import dispatch.api.process.Event;
import dispatch.core.runtime.queue.Node;

/** A message on its way to a process. */
final class MessageNode extends Node implements Event {

    private final Object message;
    private final Runnable onTaken; // null for a plain send

    MessageNode(Object message, Runnable onTaken) {
        this.message = message;
        this.onTaken = onTaken;
    }

    /** Tells the sender that the process took the message; a failing callback does not fail the process. */
    void taken() {
        if (onTaken == null) {
            return;
        }
        try {
            onTaken.run();
        } catch (RuntimeException e) {
            System.getLogger(MessageNode.class.getName()).log(System.Logger.Level.WARNING,
                    "dispatch: the taken-callback of a message failed", e);
        }
    }

    @Override
    public Kind kind() {
        return Kind.MESSAGE;
    }

    @Override
    public long tag() {
        return 0;
    }

    @Override
    public Object value() {
        return message;
    }

    @Override
    public Throwable error() {
        return null;
    }
}
