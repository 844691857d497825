package dispatch.core.boot;

import dispatch.api.Dispatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Finds out why a required module is not registered: a bundle that provides the module
 * (capability {@code dispatch.module}) but is not active, or a dispatcher component whose
 * configuration is not satisfied, as the SCR runtime DTOs tell.
 */
final class MissingModuleDiagnosis {

    static final String CAPABILITY = Dispatcher.MODULE_PROPERTY;

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    MissingModuleDiagnosis(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    List<String> reasons(String module) {
        List<String> reasons = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (providesModule(bundle, module) && bundle.getState() != Bundle.ACTIVE) {
                reasons.add("bundle " + name(bundle) + " provides it but is " + stateName(bundle.getState()));
            }
        }
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs()) {
            if (isDispatcherOf(description, module)) {
                reasons.addAll(componentReasons(description));
            }
        }
        if (reasons.isEmpty()) {
            reasons.add("no installed bundle provides it (capability " + CAPABILITY + "=" + module
                    + ") and no dispatcher component names it");
        }
        return reasons;
    }

    private List<String> componentReasons(ComponentDescriptionDTO description) {
        String component = "component " + description.name + " of bundle " + description.bundle.symbolicName;
        if (!scr.isComponentEnabled(description)) {
            return List.of(component + " is disabled");
        }
        List<String> reasons = new ArrayList<>();
        for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
            switch (configuration.state) {
                case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION ->
                        reasons.add(component + " waits for its configuration " + Arrays.toString(description.configurationPid));
                case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> {
                    for (UnsatisfiedReferenceDTO reference : configuration.unsatisfiedReferences) {
                        reasons.add(component + " has an unsatisfied reference '" + reference.name + "'"
                                + (reference.target == null ? "" : " (target " + reference.target + ")"));
                    }
                }
                case ComponentConfigurationDTO.FAILED_ACTIVATION ->
                        reasons.add(component + " failed to activate: " + configuration.failure);
                default -> reasons.add(component + " is active, but its dispatcher is not registered (see refused)");
            }
        }
        if (reasons.isEmpty() && "require".equals(description.configurationPolicy)) {
            reasons.add(component + " requires a configuration " + Arrays.toString(description.configurationPid));
        }
        return reasons;
    }

    private static boolean isDispatcherOf(ComponentDescriptionDTO description, String module) {
        Map<String, Object> properties = description.properties;
        return Arrays.asList(description.serviceInterfaces).contains(Dispatcher.class.getName())
                && module.equals(properties.get(Dispatcher.MODULE_PROPERTY));
    }

    private static boolean providesModule(Bundle bundle, String module) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return false;
        }
        for (BundleCapability capability : revision.getDeclaredCapabilities(CAPABILITY)) {
            if (module.equals(capability.getAttributes().get(CAPABILITY))) {
                return true;
            }
        }
        return false;
    }

    static String name(Bundle bundle) {
        return bundle.getSymbolicName() + " " + bundle.getVersion();
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED (not resolved)";
            case Bundle.RESOLVED -> "RESOLVED (not started)";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> "in state " + state;
        };
    }
}
