package dispatch.core.runtime;

import dispatch.api.process.Event;
import dispatch.core.runtime.queue.Node;

/** A message on its way to a process. */
final class MessageNode extends Node implements Event {

    private final Object message;

    MessageNode(Object message) {
        this.message = message;
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
