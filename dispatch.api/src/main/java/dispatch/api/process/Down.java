package dispatch.api.process;

/**
 * The message a monitoring process receives when the monitored one ends.
 *
 * @param ref    the monitor reference {@link Monitor} returned
 * @param pid    the process that ended
 * @param reason why it ended
 */
public record Down(long ref, long pid, ExitReason reason) {
}
