package dispatch.core.runtime;

import dispatch.api.process.Event;
import dispatch.api.process.Events;
import java.util.Arrays;

/** The events of one step: a growable array that is reused from step to step. */
final class EventBatch implements Events {

    private Node[] items = new Node[4]; // a process mostly gets one event per step
    private int size;

    void add(Node node) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = node;
    }

    Node node(int index) {
        return items[index];
    }

    /** Appends these events to {@code other} and clears this batch. */
    void moveTo(EventBatch other) {
        for (int i = 0; i < size; i++) {
            other.add(items[i]);
        }
        clear();
    }

    void clear() {
        Arrays.fill(items, 0, size, null);
        size = 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Event get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event " + index + " of " + size);
        }
        return (Event) items[index];
    }
}
