package dispatch.core.runtime.scheduling;

/** What a deadline of the {@link DeadlineTimer} fires: a yield whose time ran out. */
public interface Expiry {

    /**
     * The deadline set for {@code tag} passed. Called on the timer's thread, which has dropped
     * the entry already; a tag that is no longer current must change nothing.
     */
    void expire(long tag);
}
