package dispatch.core.runtime;

import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.core.runtime.queue.NodeBatch;

/** The events of one step, as the process sees them: every node of the batch is an {@link Event}. */
final class EventBatch extends NodeBatch implements Events {

    @Override
    public Event get(int index) {
        return (Event) checkedNode(index);
    }
}
