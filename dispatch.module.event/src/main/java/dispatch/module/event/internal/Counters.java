package dispatch.module.event.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to events, for one pattern or for the whole module. For every subscription,
 * events queued for it = delivered + dropped + discarded + those it still holds; refused ones
 * were never queued.
 */
final class Counters {

    /** Publishes that matched (for the module: all publishes). */
    final LongAdder published = new LongAdder();
    /** Events a subscribing process took. */
    final LongAdder delivered = new LongAdder();
    /** Events dropped to make room ({@code DROP_OLDEST}). */
    final LongAdder dropped = new LongAdder();
    /** Events a full subscription refused ({@code FAIL_PUBLISH}). */
    final LongAdder refused = new LongAdder();
    /** Events a subscription still held when it ended. */
    final LongAdder discarded = new LongAdder();
}
