package dispatch.api;

import org.osgi.annotation.versioning.ProviderType;

/** Undoes a registration, such as a cancellation callback. Closing twice is harmless. */
@ProviderType
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
