package dispatch.module.event.internal;

import java.util.List;

/**
 * The module's state: every pattern with live subscriptions, the totals since the start, and how
 * many subscriptions ended because their process did.
 */
record EventStats(List<TopicStats> topics, TopicStats total, long endedWithProcess) {
}
