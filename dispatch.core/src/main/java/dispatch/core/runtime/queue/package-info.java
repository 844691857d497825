/**
 * The runtime's lock-free queues: intrusive {@link dispatch.core.runtime.queue.Node nodes}, the
 * scheduler's multi-producer run queue ({@link dispatch.core.runtime.queue.Inbox}), the event
 * stack a process keeps in its cell ({@link dispatch.core.runtime.queue.Mailbox}) and the batch a
 * step takes from it ({@link dispatch.core.runtime.queue.NodeBatch}).
 *
 * <p>The bottom layer of the runtime: it imports nothing but {@code java.*} (an architecture test
 * checks that), so its memory-ordering arguments can be read, and tested, on their own. Private
 * to the core bundle; its public members are there for the runtime's other packages only.
 */
package dispatch.core.runtime.queue;
