package dispatch.api.process;

/**
 * A snapshot of one process, for listings.
 *
 * @param pid         the process ID
 * @param name        the process's name
 * @param state       its scheduling state, e.g. {@code RUNNABLE}, {@code WAITING}
 * @param outstanding the number of yields without a result yet
 * @param queued      events waiting to be delivered
 */
public record ProcessInfo(long pid, String name, String state, int outstanding, int queued) {
}
