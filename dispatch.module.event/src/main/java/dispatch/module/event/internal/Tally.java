package dispatch.module.event.internal;

/** What one publish did, counted as it visits the subscriptions (one thread). */
final class Tally {
    int accepted;
    int droppedOldest;
    int refused;
}
