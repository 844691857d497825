package dispatch.api.process;

/**
 * Counters of a {@link ProcessRuntime} since it started.
 *
 * @param processesLive     processes running now
 * @param processesSpawned  processes started in all
 * @param yields            commands yielded
 * @param completions       results delivered to processes
 * @param errors            results delivered that were errors
 * @param ignoredCompletions completions for unknown, cancelled or already completed tags
 */
public record RuntimeStats(long processesLive, long processesSpawned, long yields, long completions,
        long errors, long ignoredCompletions) {
}
