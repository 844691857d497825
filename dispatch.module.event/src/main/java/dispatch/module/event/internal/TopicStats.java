package dispatch.module.event.internal;

/**
 * The counts of one pattern with live subscriptions, or of the whole module since it started
 * (pattern {@code null}); see {@link Counters} for what each counts.
 */
record TopicStats(String pattern, int subscribers, long published, long delivered, long dropped, long refused,
        long discarded) {

    static TopicStats of(String pattern, int subscribers, Counters counters) {
        return new TopicStats(pattern, subscribers, counters.published.sum(), counters.delivered.sum(),
                counters.dropped.sum(), counters.refused.sum(), counters.discarded.sum());
    }
}
