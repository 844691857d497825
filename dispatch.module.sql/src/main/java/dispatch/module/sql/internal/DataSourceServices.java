package dispatch.module.sql.internal;

import dispatch.module.sql.internal.pool.SqlPool;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

/**
 * Publishes each datasource the module serves as a {@code javax.sql.DataSource} service (the
 * pool itself, for bundles that use JDBC directly), with the properties of its pool service.
 * The dispatcher publishes one only after it has taken the pool, and withdraws it as it lets go:
 * whoever sees {@code DataSource (name=x)} appear can yield commands on {@code x} at once. Were the
 * datasource components to publish it themselves, a consumer could see it before the dispatcher
 * had bound the pool, and get "unknown datasource" in between.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=javax.sql.DataSource", uses = DataSource.class)
final class DataSourceServices {

    /** Properties the framework and DS set on the pool's service, not to be copied. */
    private static final Set<String> NOT_COPIED = Set.of(Constants.OBJECTCLASS, Constants.SERVICE_ID,
            Constants.SERVICE_BUNDLEID, Constants.SERVICE_SCOPE, "component.name", "component.id");

    private final BundleContext context; // null outside a framework: nothing is published
    private final Map<SqlPool, ServiceRegistration<DataSource>> published = new HashMap<>(); // guarded by this

    DataSourceServices(BundleContext context) {
        this.context = context;
    }

    /**
     * Publishes {@code pool}, or updates its properties when it is published already; not when
     * {@code served} says the module has let go of it meanwhile (an unbind that overtook this bind).
     */
    synchronized void publish(SqlPool pool, Map<String, Object> poolProperties, Predicate<SqlPool> served) {
        if (context == null || !(pool instanceof DataSource dataSource) || !served.test(pool)) {
            return;
        }
        Hashtable<String, Object> properties = new Hashtable<>();
        poolProperties.forEach((key, value) -> {
            if (!NOT_COPIED.contains(key)) {
                properties.put(key, value);
            }
        });
        ServiceRegistration<DataSource> registration = published.get(pool);
        if (registration == null) {
            published.put(pool, context.registerService(DataSource.class, dataSource, properties));
        } else {
            registration.setProperties(properties);
        }
    }

    /** Withdraws {@code pool}'s service, if it has one. */
    synchronized void withdraw(SqlPool pool) {
        ServiceRegistration<DataSource> registration = published.remove(pool);
        if (registration != null) {
            unregister(registration);
        }
    }

    synchronized void withdrawAll() {
        published.values().forEach(DataSourceServices::unregister);
        published.clear();
    }

    private static void unregister(ServiceRegistration<DataSource> registration) {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping: the framework has unregistered it already
        }
    }
}
