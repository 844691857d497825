package dispatch.core.runtime.queue;

import java.util.Arrays;

/**
 * The nodes one step of a process takes: a growable array that is reused from step to step,
 * read by the one thread running the process. The runtime's subclass shows them to the process
 * as its events.
 */
public abstract class NodeBatch {

    private Node[] items = new Node[4]; // a process mostly gets one event per step
    private int size;

    /** Appends a node; the owning thread only, like every method here. */
    public final void add(Node node) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = node;
    }

    /** The node at {@code index}, unchecked: for the runtime's own loops up to {@link #size()}. */
    public final Node node(int index) {
        return items[index];
    }

    /** Appends these nodes to {@code other} and clears this batch. */
    public final void moveTo(NodeBatch other) {
        for (int i = 0; i < size; i++) {
            other.add(items[i]);
        }
        clear();
    }

    /** Empties the batch, letting go of its nodes. */
    public final void clear() {
        Arrays.fill(items, 0, size, null);
        size = 0;
    }

    /** How many nodes the batch holds. */
    public final int size() {
        return size;
    }

    /** The node at {@code index}, checked against the size (as a process's events are). */
    protected final Node checkedNode(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("event " + index + " of " + size);
        }
        return items[index];
    }
}
