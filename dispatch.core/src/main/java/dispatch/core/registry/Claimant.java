package dispatch.core.registry;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** The last-modified time as the shell and the log show it (local time), or "-" if unknown. */
    public String modifiedText() {
        return lastModified == 0 ? "-" : MODIFIED.format(Instant.ofEpochMilli(lastModified));
    }

    /**
     * Which revision of the bundle this is, for the log: a swap through FileInstall is an update
     * and then a refresh, two departures of two revisions that only these numbers tell apart.
     */
    public String revisionText() {
        return bundleId < 0 ? "no bundle" : "bundle ID " + bundleId + ", revision " + revision + ", modified "
                + modifiedText();
    }

    @Override
    public String toString() {
        return "module '" + module + "' (bundle " + bundle + ")";
    }
}
