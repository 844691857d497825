package dispatch.module.clock.internal;

import dispatch.api.Subscription;

/**
 * A ticker's or timer's registration for its owner's exit: kept while the handle lives and
 * closed when it ends; one that arrives after the end is closed at once.
 */
final class ExitLink {

    // Guarded by this.
    private Subscription subscription;
    private boolean closed;

    void keep(Subscription registration) {
        synchronized (this) {
            if (!closed) {
                subscription = registration;
                return;
            }
        }
        registration.close();
    }

    void close() {
        Subscription registration;
        synchronized (this) {
            closed = true;
            registration = subscription;
            subscription = null;
        }
        if (registration != null) {
            registration.close();
        }
    }
}
