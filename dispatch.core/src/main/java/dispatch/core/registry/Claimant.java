package dispatch.core.registry;

import java.util.Objects;

/**
 * Who registered a set of IDs: one dispatcher service of one bundle revision. Only names and
 * numbers: a route of a module that left keeps its claimant, and must not keep the module's
 * class loader with it.
 *
 * @param module       the dispatcher's module name
 * @param bundle       the bundle's symbolic name and version, for messages
 * @param serviceId    the dispatcher's service ID, which tells two registrations apart
 * @param bundleId     the bundle's ID, or -1 where there is no bundle (tests, benchmarks)
 * @param revision     which revision of the bundle this is, counted from 1 by the boot barrier
 *                     each time the bundle's last-modified time changes (an update); 0 if unknown
 * @param lastModified the bundle's last-modified time in milliseconds since the epoch, or 0
 */
public record Claimant(String module, String bundle, long serviceId, long bundleId, int revision, long lastModified) {

    public Claimant {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(bundle, "bundle");
    }

    /** A claimant outside a framework: no bundle ID, revision or time. */
    public Claimant(String module, String bundle, long serviceId) {
        this(module, bundle, serviceId, -1, 0, 0);
    }

    @Override
    public String toString() {
        return "module '" + module + "' (bundle " + bundle + ")";
    }
}
