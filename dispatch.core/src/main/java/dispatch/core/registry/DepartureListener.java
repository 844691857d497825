package dispatch.core.registry;

/**
 * Told when a dispatcher leaves the registry, so that whoever dispatched yields to its handlers
 * can give each of them a result. Called with the registry's lock held and before the table
 * without the dispatcher is published: a thread that sees the new table sees what the listener
 * recorded. It must return quickly and must not call back into the registry.
 */
@FunctionalInterface
public interface DepartureListener {

    /** The dispatcher registered as {@code claimant} left; its handlers get no new yields. */
    void departed(Claimant claimant);
}
