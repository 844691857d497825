/**
 * The process runtime, in plain Java (no OSGi: {@code dispatch.core.boot.RuntimeComponent}
 * publishes it as a service): {@link dispatch.core.runtime.DispatchRuntime} and one unit it
 * holds together, the cells of the processes (step and blocking), their yield slots, the death
 * watch (monitors, links, exit actions), the departures of modules that left, and the error
 * results the runtime makes. They share one package because each reads the others' fields on
 * the hot path: a yield, its completion and its delivery stay calls within the package.
 *
 * <p>Built on two packages that know nothing of it: {@code runtime.queue} (the lock-free
 * queues) and {@code runtime.scheduling} (scheduler, workers, threads, deadline timer, reached
 * through {@code Slice} and {@code Expiry}). It imports the API, the registry and those two; an
 * architecture test keeps the core's packages free of cycles. Private to the core bundle: its
 * public types are for the core's process commands and boot component, and for the benchmarks,
 * which embed a runtime.
 */
package dispatch.core.runtime;
