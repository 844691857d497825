package dispatch.module.store.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One configured store, a component per factory configuration of {@value #FACTORY_PID}: the
 * dispatcher builds the store when it appears and closes it when it goes (a changed configuration
 * is a new store: a memory store's entries do not carry over).
 */
@Component(service = StoreDefinition.class, configurationPid = StoreDefinition.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = StoreConfig.class, factory = true)
public final class StoreDefinition {

    /** The factory PID of store configurations. */
    public static final String FACTORY_PID = "dispatch.store";

    private final StoreSettings settings;

    @Activate
    public StoreDefinition(StoreConfig config) {
        this(StoreSettings.of(config));
    }

    /** A store defined outside a framework (benchmarks). */
    public StoreDefinition(StoreSettings settings) {
        this.settings = settings;
    }

    StoreSettings settings() {
        return settings;
    }
}
