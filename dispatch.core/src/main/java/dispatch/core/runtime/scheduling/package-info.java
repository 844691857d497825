/**
 * Scheduling and threads: the run queue's {@link dispatch.core.runtime.scheduling.Scheduler}
 * and its workers, the threads beside them ({@link dispatch.core.runtime.scheduling.Threads}:
 * blocking processes, Exec tasks) and the {@link dispatch.core.runtime.scheduling.DeadlineTimer}.
 *
 * <p>It knows the processes only through two small interfaces, a
 * {@link dispatch.core.runtime.scheduling.Slice} to run and an
 * {@link dispatch.core.runtime.scheduling.Expiry} to fire, each with one implementation in a
 * runtime (the step cell, the yield slot), so the JIT calls them as directly as the cell types.
 * It imports only {@code java.*} and the queues (an architecture test checks that). Private to
 * the core bundle; its public members are there for the runtime only.
 */
package dispatch.core.runtime.scheduling;
