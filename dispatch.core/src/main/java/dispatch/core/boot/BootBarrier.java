package dispatch.core.boot;

import dispatch.api.Dispatcher;
import dispatch.api.Readiness;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.registry.RegistrationRefused;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.condition.Condition;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Collects every {@link Dispatcher} into the {@link CommandRegistry}, freezes it once every
 * required module is registered, and publishes readiness as the condition
 * {@value Readiness#CONDITION_ID}. A registration that collides with another, or claims a
 * range reserved for another module, is refused and fails the boot without touching the
 * framework; it is reported until the offending bundle leaves.
 */
@Component(service = BootBarrier.class, configurationPid = Readiness.BOOT_PID, immediate = true)
@Designate(ocd = BootConfig.class)
public final class BootBarrier {

    private static final Logger LOG = System.getLogger(BootBarrier.class.getName());

    private final CommandRegistry registry = new CommandRegistry();
    private final BundleContext context;
    private final MissingModuleDiagnosis diagnosis;
    // Publishing readiness happens on this thread, never inside a service event callback.
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dispatch-boot");
        thread.setDaemon(true);
        return thread;
    });

    // Guarded by this.
    private final Map<Long, String> refused = new LinkedHashMap<>();
    private List<String> required = List.of();
    private boolean timedOut;
    private ScheduledFuture<?> timeout;
    private BootState state = BootState.WAITING;

    // Touched only on the executor.
    private ServiceRegistration<Condition> readyCondition;
    private boolean closed;

    @Activate
    public BootBarrier(BundleContext context, @Reference ServiceComponentRuntime scr, BootConfig config) {
        this.context = context;
        this.diagnosis = new MissingModuleDiagnosis(context, scr);
        configure(config);
    }

    @Modified
    void configure(BootConfig config) {
        registry.allowLateCustomModules(config.development());
        synchronized (this) {
            required = parseModules(config.required_modules());
            timedOut = false;
            if (timeout != null) {
                timeout.cancel(false);
            }
            long seconds = Math.max(0, config.timeout_seconds());
            timeout = executor.schedule(this::timeoutPassed, seconds, TimeUnit.SECONDS);
        }
        reconcile();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDispatcher(Dispatcher dispatcher, ServiceReference<Dispatcher> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        Claimant claimant = new Claimant(String.valueOf(dispatcher.moduleName()),
                MissingModuleDiagnosis.name(reference.getBundle()), serviceId);
        try {
            registry.register(claimant, dispatcher);
            LOG.log(Level.DEBUG, "registered {0}", claimant);
        } catch (RegistrationRefused refusal) {
            LOG.log(Level.ERROR, "dispatch: registration refused: {0}", refusal.getMessage());
            synchronized (this) {
                refused.put(serviceId, refusal.getMessage());
            }
        }
        reconcile();
    }

    void removeDispatcher(ServiceReference<Dispatcher> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        registry.unregister(serviceId);
        synchronized (this) {
            refused.remove(serviceId);
        }
        reconcile();
    }

    @Deactivate
    void deactivate() {
        synchronized (this) {
            notifyAll();
        }
        executor.execute(() -> {
            closed = true;
            publishReady();
        });
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The registry this barrier fills; the runtime dispatches through it. */
    public CommandRegistry registry() {
        return registry;
    }

    /** Where the barrier stands now, with reasons for every missing module. */
    public BootStatus status() {
        BootState current;
        List<String> requiredNow;
        List<String> refusedNow;
        boolean timedOutNow;
        synchronized (this) {
            current = state;
            requiredNow = required;
            refusedNow = List.copyOf(refused.values());
            timedOutNow = timedOut;
        }
        List<BootStatus.Missing> missing = new ArrayList<>();
        for (String module : requiredNow) {
            if (!registry.hasModule(module)) {
                missing.add(new BootStatus.Missing(module, diagnosis.reasons(module)));
            }
        }
        return new BootStatus(current, requiredNow, missing, refusedNow, timedOutNow);
    }

    /** Waits at most {@code millis} for the state to become {@link BootState#READY}. */
    public synchronized boolean awaitReady(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (state != BootState.READY) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    private void reconcile() {
        synchronized (this) {
            BootState previous = state;
            state = evaluate();
            if (state != previous) {
                LOG.log(state == BootState.READY ? Level.INFO : Level.WARNING, "dispatch: boot {0} -> {1}", previous, state);
                notifyAll();
            }
        }
        try {
            executor.execute(this::publishReady);
        } catch (RejectedExecutionException deactivated) {
            // references are unbound after deactivation: the condition is gone already
        }
    }

    // Called with this locked.
    private BootState evaluate() {
        boolean allPresent = required.stream().allMatch(registry::hasModule);
        if (registry.isFrozen()) {
            return allPresent ? BootState.READY : BootState.DEGRADED;
        }
        if (!refused.isEmpty()) {
            return BootState.FAILED;
        }
        if (!allPresent) {
            return BootState.WAITING;
        }
        registry.freeze();
        return BootState.READY;
    }

    // Reads the latest state, so a task queued before a newer change still does the right thing.
    private void publishReady() {
        boolean wanted = !closed && currentState() == BootState.READY;
        if (wanted && readyCondition == null) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(Condition.CONDITION_ID, Readiness.CONDITION_ID);
            readyCondition = context.registerService(Condition.class, Condition.INSTANCE, properties);
        } else if (!wanted && readyCondition != null) {
            try {
                readyCondition.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework removed it already
            }
            readyCondition = null;
        }
    }

    private synchronized BootState currentState() {
        return state;
    }

    private void timeoutPassed() {
        synchronized (this) {
            if (state == BootState.READY || registry.isFrozen()) {
                return;
            }
            timedOut = true;
        }
        LOG.log(Level.WARNING, "dispatch: boot timeout passed\n{0}", status().report());
    }

    static List<String> parseModules(String[] values) {
        List<String> modules = new ArrayList<>();
        for (String value : values) {
            Arrays.stream(value.split("[,\\s]+")).filter(name -> !name.isEmpty()).forEach(modules::add);
        }
        return List.copyOf(modules);
    }
}
