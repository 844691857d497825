package dispatch.testing;

import java.util.Arrays;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * What the boot barrier says it waits for, as {@code dispatch:boot} prints it: each missing module
 * and why, refused registrations. The barrier is private to dispatch.core, so its report is read
 * through the shell command, the interface users know; without a shell or a core, the report says
 * what it could tell instead.
 */
final class BootReport {

    private static final String CORE = "dispatch.core";

    private BootReport() {
    }

    static String of(BundleContext context) {
        try {
            return Gogo.run(context, "dispatch:boot").strip();
        } catch (LinkageError noShellPackage) {
            return "(no Gogo shell to ask dispatch:boot what the barrier waits for; " + core(context) + ")";
        } catch (Exception failed) {
            return "(dispatch:boot failed: " + failed + "; " + core(context) + ")";
        }
    }

    private static String core(BundleContext context) {
        return Arrays.stream(context.getBundles())
                .filter(bundle -> CORE.equals(bundle.getSymbolicName()))
                .map(bundle -> "bundle " + CORE + " is " + state(bundle))
                .findFirst()
                .orElse("bundle " + CORE + " is not installed");
    }

    private static String state(Bundle bundle) {
        return switch (bundle.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            default -> "UNINSTALLED";
        };
    }
}
