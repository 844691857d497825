package dispatch.module.event;

/**
 * The result of a {@link Publish}.
 *
 * @param subscribers   how many subscriptions the event was queued for
 * @param droppedOldest how many of them dropped their oldest waiting event to take it
 *                      ({@link Overflow#DROP_OLDEST})
 */
public record Published(int subscribers, int droppedOldest) {
}
