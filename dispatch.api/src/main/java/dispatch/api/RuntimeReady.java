package dispatch.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A marker service registered by the runtime only while it is ready (every required module
 * registered, the registry frozen). It is the portable twin of the ready condition for
 * frameworks whose system bundle does not export {@code org.osgi.service.condition} (Karaf
 * 4.4): a component that references it is active only while the runtime is ready.
 */
@ProviderType
public interface RuntimeReady {
}
