package dispatch.core.boot;

import dispatch.api.Dispatcher;
import dispatch.api.Readiness;
import dispatch.core.process.ProcessDispatcher;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.registry.RegistrationRefused;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Collects every {@link Dispatcher} into the {@link CommandRegistry}, freezes it once every
 * required module is registered, and publishes readiness as the condition
 * {@value Readiness#CONDITION_ID} (by enabling {@link ReadyCondition}). A registration that collides with another, or claims a
 * range reserved for another module, is refused and fails the boot without touching the
 * framework; it is reported until the offending bundle leaves.
 *
 * <p>After the freeze, the {@code development} property decides whether custom modules (IDs
 * 256+) may still come, go and be updated (see {@link CommandRegistry}); in production a late
 * custom module is refused with a message that {@code dispatch:boot} and
 * {@code dispatch:commands} show. Each registration is told apart by bundle revision: the
 * barrier counts a bundle's revisions by its last-modified time, which an update changes.
 */
@Component(service = BootBarrier.class, configurationPid = Readiness.BOOT_PID, immediate = true)
@Designate(ocd = BootConfig.class)
public final class BootBarrier {

    private static final Logger LOG = System.getLogger(BootBarrier.class.getName());
    /** The module of the core's own process commands, which the barrier always waits for. */
    static final String CORE_MODULE = ProcessDispatcher.MODULE;

    private final CommandRegistry registry = new CommandRegistry();

    @Reference
    private ServiceComponentRuntime scr;

    // Set on activation, after DS bound every dispatcher present at that moment.
    private volatile ComponentContext component;
    private volatile BundleContext context;
    private volatile MissingModuleDiagnosis diagnosis;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dispatch-boot-timeout");
        thread.setDaemon(true);
        return thread;
    });

    /** A dispatcher the registry refused; tried again whenever another dispatcher leaves. */
    private record Refusal(Claimant claimant, Dispatcher dispatcher, String message) {
    }

    // Guarded by this.
    private final Map<Long, Refusal> refused = new LinkedHashMap<>();
    private final Map<Long, long[]> revisions = new HashMap<>(); // bundle ID -> {last modified, revision}
    private List<String> required = List.of();
    private boolean timedOut;
    private ScheduledFuture<?> timeout;
    private BootState state = BootState.WAITING;
    private boolean activated;
    private boolean deactivated;

    /**
     * Evaluates the barrier for the first time only now, when every dispatcher present at
     * start has been bound: a collision among them then fails the boot whatever the bind order.
     */
    @Activate
    void activate(ComponentContext componentContext, BootConfig config) {
        component = componentContext;
        context = componentContext.getBundleContext();
        diagnosis = new MissingModuleDiagnosis(context, scr);
        synchronized (this) {
            activated = true;
        }
        configure(config);
    }

    @Modified
    void configure(BootConfig config) {
        boolean wasDevelopment = registry.lateCustomModulesAllowed();
        registry.allowLateCustomModules(config.development());
        if (config.development() && !wasDevelopment) {
            retryRefused(); // late custom modules refused in production may come in now
        }
        synchronized (this) {
            required = withCoreModule(parseModules(config.required_modules()));
            timedOut = false;
            if (timeout != null) {
                timeout.cancel(false);
            }
            long seconds = Math.max(0, config.timeout_seconds());
            timeout = timer.schedule(this::timeoutPassed, seconds, TimeUnit.SECONDS);
        }
        reconcile();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addDispatcher(Dispatcher dispatcher, ServiceReference<Dispatcher> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return; // unregistered meanwhile: its removal follows
        }
        String module = dispatcher.moduleName(); // null without @DispatchModule: the registry refuses it
        Claimant claimant = new Claimant(module == null ? "" : module, MissingModuleDiagnosis.name(bundle),
                serviceId, bundle.getBundleId(), revision(bundle), bundle.getLastModified());
        tryRegister(claimant, dispatcher);
        reconcile();
    }

    /** Counts a bundle's revisions: the last-modified time changes with every update. */
    private synchronized int revision(Bundle bundle) {
        long modified = bundle.getLastModified();
        long[] known = revisions.get(bundle.getBundleId());
        if (known == null) {
            revisions.put(bundle.getBundleId(), new long[] {modified, 1});
            return 1;
        }
        if (known[0] != modified) {
            known[0] = modified;
            known[1]++;
        }
        return (int) known[1];
    }

    private void tryRegister(Claimant claimant, Dispatcher dispatcher) {
        try {
            registry.register(claimant, dispatcher);
            if (registry.isFrozen()) {
                LOG.log(Level.INFO, "dispatch: {0} registered after the boot ({1})", claimant,
                        claimant.revisionText());
            } else {
                LOG.log(Level.DEBUG, "registered {0}", claimant);
            }
            synchronized (this) {
                refused.remove(claimant.serviceId());
            }
        } catch (RegistrationRefused refusal) {
            Refusal previous;
            synchronized (this) {
                previous = refused.put(claimant.serviceId(), new Refusal(claimant, dispatcher, refusal.getMessage()));
            }
            if (previous == null || !previous.message().equals(refusal.getMessage())) { // retries say it once
                LOG.log(Level.ERROR, "dispatch: registration refused: {0}", refusal.getMessage());
            }
        }
    }

    void removeDispatcher(ServiceReference<Dispatcher> reference) {
        long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
        Claimant left = registry.unregister(serviceId);
        if (left != null && registry.isFrozen() && !frameworkStopping()) {
            LOG.log(Level.INFO, "dispatch: {0} left ({1}): its IDs answer module-unavailable until it returns",
                    left, left.revisionText());
        }
        synchronized (this) {
            refused.remove(serviceId); // a refused dispatcher is dropped with its service
        }
        // The one that left may have been what the others collided with.
        retryRefused();
        reconcile();
    }

    /**
     * Tries the refused dispatchers again. Under this lock, so that a dispatcher whose service
     * leaves meanwhile cannot be registered after its removal (and stay, keeping its module).
     */
    private synchronized void retryRefused() {
        for (Refusal refusal : List.copyOf(refused.values())) {
            tryRegister(refusal.claimant(), refusal.dispatcher());
        }
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
        synchronized (this) {
            deactivated = true;
            notifyAll();
        }
        publishReadiness(false);
    }

    // SCR applies these in order on its own thread, never inside our callers' service events.
    private void publishReadiness(boolean ready) {
        for (String name : readinessComponents()) {
            if (ready) {
                component.enableComponent(name);
            } else {
                component.disableComponent(name);
            }
        }
    }

    /** The condition only where the framework exports its package (Karaf 4.4 does not). */
    private static List<String> readinessComponents() {
        try {
            Class.forName("org.osgi.service.condition.Condition", false, BootBarrier.class.getClassLoader());
            return List.of(ReadyMarker.NAME, ReadyCondition.NAME);
        } catch (ClassNotFoundException | LinkageError noConditions) {
            return List.of(ReadyMarker.NAME);
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
            refusedNow = refused.values().stream().map(Refusal::message).toList();
            timedOutNow = timedOut;
        }
        List<BootStatus.Missing> missing = new ArrayList<>();
        for (String module : requiredNow) {
            if (!registry.hasModule(module)) {
                missing.add(new BootStatus.Missing(module, diagnosis.reasons(module)));
            }
        }
        return new BootStatus(current, requiredNow, missing, refusedNow, timedOutNow, registry.lateCustomModulesAllowed());
    }

    /**
     * Waits at most {@code millis} for the state to become {@link BootState#READY}; returns
     * early when the boot timeout passes, since the report then says what is missing.
     */
    public synchronized boolean awaitReady(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (state != BootState.READY && !timedOut && !deactivated) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return state == BootState.READY;
    }

    private void reconcile() {
        synchronized (this) {
            if (!activated || deactivated) {
                return;
            }
            BootState previous = state;
            state = evaluate();
            if (state == previous) {
                return;
            }
            notifyAll();
            LOG.log(state == BootState.READY ? Level.INFO : frameworkStopping() ? Level.DEBUG : Level.WARNING,
                    "dispatch: boot {0} -> {1}", previous, state);
            if (state == BootState.READY) {
                publishReadiness(true);
            } else if (previous == BootState.READY) {
                publishReadiness(false);
            }
        }
    }

    private boolean frameworkStopping() {
        BundleContext context = this.context;
        return context != null && context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).getState() == Bundle.STOPPING;
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
        registry.freeze(lastBundleId(), System.currentTimeMillis());
        return BootState.READY;
    }

    /** The highest bundle ID now: every bundle installed so far is part of the boot deployment. */
    private long lastBundleId() {
        long last = -1;
        for (Bundle bundle : context.getBundles()) {
            last = Math.max(last, bundle.getBundleId());
        }
        return last;
    }

    private void timeoutPassed() {
        synchronized (this) {
            if (state == BootState.READY || registry.isFrozen()) {
                return;
            }
            timedOut = true;
            notifyAll();
        }
        LOG.log(Level.WARNING, "dispatch: boot timeout passed\n{0}", status().report());
    }

    /**
     * The core's own process commands (IDs 1-9) are always required: registered after the freeze
     * they would be refused, and every Send, Spawn or Exec would fail as an unknown command.
     */
    static List<String> withCoreModule(List<String> modules) {
        if (modules.contains(CORE_MODULE)) {
            return modules;
        }
        List<String> all = new ArrayList<>(modules.size() + 1);
        all.add(CORE_MODULE);
        all.addAll(modules);
        return List.copyOf(all);
    }

    static List<String> parseModules(String[] values) {
        List<String> modules = new ArrayList<>();
        for (String value : values) {
            Arrays.stream(value.split("[,\\s]+")).filter(name -> !name.isEmpty()).forEach(modules::add);
        }
        return List.copyOf(modules);
    }
}
