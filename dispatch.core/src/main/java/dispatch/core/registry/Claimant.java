package dispatch.core.registry;

import java.util.Objects;

/**
 * Who registered a set of IDs: one dispatcher service of one bundle.
 *
 * @param module    the dispatcher's module name
 * @param bundle    the bundle's symbolic name and version, for messages
 * @param serviceId the dispatcher's service ID, which tells two registrations apart
 */
public record Claimant(String module, String bundle, long serviceId) {

    public Claimant {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(bundle, "bundle");
    }

    @Override
    public String toString() {
        return "module '" + module + "' (bundle " + bundle + ")";
    }
}
