package dispatch.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Dispatcher;
import dispatch.api.Handler;
import dispatch.api.Registrar;
import dispatch.api.process.Status;
import dispatch.core.registry.Claimant;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;

/**
 * A module leaves while yields are in flight to its handlers: each gets exactly one result,
 * the handler's own within the grace period, else {@code module-left}; nothing of the module
 * stays reachable from the runtime.
 */
public class ModuleDepartureTest {

    private static final int HOLD = 300;
    private static final int VALUE = 301;

    @Rule
    public final Harness harness = new Harness();

    private long nextServiceId = 100;

    @Before
    public void developmentMode() {
        harness.registry.allowLateCustomModules(true);
    }

    /** A yield held by the swap module. */
    record Held(dispatch.api.YieldContext context, long tag, dispatch.api.ResultReceiver receiver) {
    }

    /** The custom module 'swap': 300 holds its yields, 301 completes with the revision's value. */
    static final class Swap implements Dispatcher {
        final java.util.concurrent.BlockingQueue<Held> held = new java.util.concurrent.LinkedBlockingQueue<>();
        final Object value;
        Handler holdHandler = (context, command, tag, receiver) -> held.add(new Held(context, tag, receiver));

        Swap(Object value) {
            this.value = value;
        }

        @Override
        public String moduleName() {
            return "swap";
        }

        @Override
        public void registerAll(Registrar registrar) {
            registrar.register(HOLD, "Hold", holdHandler);
            registrar.register(VALUE, "Value", (context, command, tag, receiver) -> receiver.complete(tag, value));
        }
    }

    /** A command of the swap module, with any ID. */
    static final class SwapCommand implements Command<Object> {
        private final int id;

        SwapCommand(int id) {
            this.id = id;
        }

        @Override
        public int id() {
            return id;
        }
    }

    private Claimant register(Swap swap) throws Exception {
        Claimant claimant = new Claimant("swap", "test.swap 1.0.0", nextServiceId++);
        harness.registry.register(claimant, swap);
        return claimant;
    }

    /** Yields one command (with a timeout if given), then ends as soon as its result arrived. */
    private Harness.Script yieldOnce(Command<?> command, Duration timeout) {
        AtomicInteger steps = new AtomicInteger();
        return new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                if (timeout == null) {
                    output.yield(command);
                } else {
                    output.yield(command, timeout);
                }
                return Status.WAIT;
            }
            return Status.DONE;
        });
    }

    private static Held take(Swap swap) throws InterruptedException {
        Held held = swap.held.poll(Harness.WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue("the handler got the yield", held != null);
        return held;
    }

    @Test
    public void theOldHandlersResultWithinTheGraceIsTheYieldsResult() throws Exception {
        harness.runtime.moduleLeaveGrace(Duration.ofSeconds(30));
        Swap swap = new Swap("old");
        Claimant claimant = register(swap);
        Harness.Script script = yieldOnce(new SwapCommand(HOLD), null);
        long pid = harness.runtime.spawn(script);
        Held held = take(swap);
        harness.registry.unregister(claimant.serviceId());

        assertTrue(held.receiver().complete(held.tag(), "finished after leaving"));
        harness.awaitExit(pid);
        assertEquals(1, script.seen.size());
        assertEquals("finished after leaving", script.seen.get(0)[2]);
        assertEquals(0, harness.runtime.moduleLeftErrors());
        assertFalse(held.context().isCancelled());
    }

    /**
     * The departure races the call: the worker read the route, then the module left and began to
     * deactivate, and only then did the call reach its handler, which refuses it (as a module that
     * stopped its threads does, or one whose class loader the refresh discarded). The process
     * gets module-left, which it may retry, never handler-failed.
     */
    @Test
    public void aHandlerThatRefusesACallRacingItsDepartureGivesModuleLeft() throws Exception {
        Swap swap = new Swap("old");
        Claimant[] registered = new Claimant[1];
        IllegalStateException refusal = new IllegalStateException("deactivated");
        swap.holdHandler = (context, command, tag, receiver) -> {
            harness.registry.unregister(registered[0].serviceId()); // what DS does before deactivate
            throw refusal;
        };
        registered[0] = register(swap);
        Harness.Script script = yieldOnce(new SwapCommand(HOLD), Duration.ofMinutes(1));
        harness.awaitExit(harness.runtime.spawn(script));

        DispatchException error = (DispatchException) script.seen.get(0)[3];
        assertEquals(error.toString(), DispatchException.MODULE_LEFT, error.code());
        assertTrue(error.getMessage(), error.getMessage().startsWith("module 'swap' (bundle test.swap 1.0.0) left as"
                + " yield"));
        assertTrue(error.getMessage(), error.getMessage().endsWith("reached its handler, which refused it: " + refusal));
        assertEquals(refusal, error.getCause());
        assertEquals(1, harness.runtime.moduleLeftErrors());
        assertEquals("the deadline's timer entry went with the result", 0, harness.runtime.pendingDeadlines());
    }

    /** A module that is still there and throws has failed: that is handler-failed, as before. */
    @Test
    public void aHandlerThatThrowsWhileItsModuleStaysGivesHandlerFailed() throws Exception {
        Swap swap = new Swap("old");
        swap.holdHandler = (context, command, tag, receiver) -> {
            throw new IllegalStateException("broken");
        };
        register(swap);
        Harness.Script script = yieldOnce(new SwapCommand(HOLD), null);
        harness.awaitExit(harness.runtime.spawn(script));

        DispatchException error = (DispatchException) script.seen.get(0)[3];
        assertEquals(error.toString(), DispatchException.HANDLER_FAILED, error.code());
        assertEquals(0, harness.runtime.moduleLeftErrors());
    }

    @Test
    public void aYieldTheOldHandlerNeverCompletesGetsModuleLeftAfterTheGrace() throws Exception {
        harness.runtime.moduleLeaveGrace(Duration.ofMillis(50));
        Swap swap = new Swap("old");
        AtomicInteger cancelActions = new AtomicInteger();
        swap.holdHandler = (context, command, tag, receiver) -> {
            context.onCancel(cancelActions::incrementAndGet);
            swap.held.add(new Held(context, tag, receiver));
        };
        Claimant claimant = register(swap);
        Harness.Script script = yieldOnce(new SwapCommand(HOLD), null);
        long pid = harness.runtime.spawn(script);
        Held held = take(swap);
        long left = System.nanoTime();
        harness.registry.unregister(claimant.serviceId());
        harness.awaitExit(pid);
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - left);

        assertEquals("exactly one result", 1, script.seen.size());
        DispatchException error = (DispatchException) script.seen.get(0)[3];
        assertEquals(DispatchException.MODULE_LEFT, error.code());
        assertTrue(error.getMessage(), error.getMessage().startsWith("module 'swap' (bundle test.swap 1.0.0) left while yield "));
        assertTrue(error.getMessage(), error.getMessage().contains("(command ID 300)")
                && error.getMessage().contains("within the grace period of 50 ms"));
        assertTrue("not before the grace period ended: " + waited + " ms", waited >= 50);
        assertTrue("the handler is told to stop", held.context().isCancelled());
        assertEquals(1, cancelActions.get());
        assertFalse("a completion after module-left is ignored", held.receiver().complete(held.tag(), "too late"));
        assertEquals(1, harness.runtime.moduleLeftErrors());
        assertEquals(1, harness.runtime.stats().errors());
        assertEquals(1, harness.runtime.stats().ignoredCompletions());
    }

    @Test
    public void whileAwayNewYieldsAreUnavailableAndTheNextRevisionServesItsOwnResult() throws Exception {
        harness.runtime.moduleLeaveGrace(Duration.ofMillis(20));
        Claimant first = register(new Swap("revision 1"));
        Harness.Script before = yieldOnce(new SwapCommand(VALUE), null);
        harness.awaitExit(harness.runtime.spawn(before));
        assertEquals("revision 1", before.seen.get(0)[2]);

        harness.registry.unregister(first.serviceId());
        Harness.Script away = yieldOnce(new SwapCommand(VALUE), null);
        harness.awaitExit(harness.runtime.spawn(away));
        assertEquals(DispatchException.MODULE_UNAVAILABLE, ((DispatchException) away.seen.get(0)[3]).code());

        register(new Swap("revision 2"));
        Harness.Script after = yieldOnce(new SwapCommand(VALUE), null);
        harness.awaitExit(harness.runtime.spawn(after));
        assertEquals("revision 2", after.seen.get(0)[2]);
    }

    @Test
    public void manyYieldsInFlightEachGetExactlyOneResultWhateverTheHandlerDoes() throws Exception {
        harness.runtime.moduleLeaveGrace(Duration.ofMillis(100));
        Swap swap = new Swap("old");
        Claimant claimant = register(swap);
        int yields = 200;
        Set<Long> tags = new HashSet<>();
        AtomicInteger steps = new AtomicInteger();
        CountDownLatch results = new CountDownLatch(yields);
        Harness.Script script = new Harness.Script((events, output) -> {
            for (int i = 0; i < events.size(); i++) {
                results.countDown();
            }
            if (steps.getAndIncrement() == 0) {
                for (int i = 0; i < yields; i++) {
                    if (i % 4 == 0) {
                        output.yield(new SwapCommand(HOLD), Duration.ofHours(1));
                    } else {
                        output.yield(new SwapCommand(HOLD));
                    }
                }
            }
            return Status.WAIT;
        });
        long pid = harness.runtime.spawn(script);
        List<Held> held = new java.util.ArrayList<>();
        for (int i = 0; i < yields; i++) {
            held.add(take(swap));
        }
        harness.registry.unregister(claimant.serviceId());
        // half complete within the grace, the other half never
        for (int i = 0; i < yields; i += 2) {
            assertTrue(held.get(i).receiver().complete(held.get(i).tag(), i));
        }
        assertTrue("every yield got a result", results.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(harness.runtime.terminate(pid, "done"));
        harness.awaitExit(pid);
        int values = 0;
        int left = 0;
        for (Object[] event : script.seen) {
            assertTrue("one result per tag", tags.add((Long) event[1]));
            if (event[3] == null) {
                values++;
            } else {
                assertEquals(DispatchException.MODULE_LEFT, ((DispatchException) event[3]).code());
                left++;
            }
        }
        assertEquals(yields / 2, values);
        assertEquals(yields / 2, left);
        assertEquals("the deadlines of the failed yields are gone too", 0, harness.runtime.pendingDeadlines());
    }

    @Test
    public void aYieldWhoseSweepRanBeforeItRecordedItsModuleIsCaughtByTheDispatchingThread() throws Exception {
        harness.runtime.moduleLeaveGrace(Duration.ZERO);
        Swap swap = new Swap("old");
        long[] serviceId = new long[1];
        swap.holdHandler = (context, command, tag, receiver) -> {
            // As if the dispatching thread had been preempted between its lookup and recording
            // the claimant: the module leaves and its sweep runs, not seeing this yield.
            ((YieldSlot) context).claimant = YieldSlot.NO_CLAIMANT;
            harness.registry.unregister(serviceId[0]);
            CountDownLatch swept = new CountDownLatch(1);
            harness.runtime.timer.schedule(swept::countDown, System.nanoTime() + 5_000_000); // runs after the sweep
            if (!swept.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("no sweep");
            }
            ((YieldSlot) context).claimant = serviceId[0];
        };
        serviceId[0] = register(swap).serviceId();
        Harness.Script script = yieldOnce(new SwapCommand(HOLD), null);
        harness.awaitExit(harness.runtime.spawn(script));
        assertEquals(1, script.seen.size());
        assertEquals(DispatchException.MODULE_LEFT, ((DispatchException) script.seen.get(0)[3]).code());
        assertEquals(1, harness.runtime.moduleLeftErrors());
    }

    @Test
    public void nothingOfADepartedModuleStaysReachableFromTheRuntime() throws Exception {
        harness.runtime.moduleLeaveGrace(Duration.ofMillis(10));
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        Set<Reference<?>> refs = java.util.concurrent.ConcurrentHashMap.newKeySet();
        long pid = yieldToAModuleThatLeaves(queue, refs);
        awaitCollected(queue, refs);
        assertTrue("the process outlived the module", harness.runtime.info(pid).isPresent());
        assertNull(harness.registry.lookup(HOLD).handler());
    }

    /** In a method of its own, so that no local variable of the test keeps anything alive. */
    private long yieldToAModuleThatLeaves(ReferenceQueue<Object> queue, Set<Reference<?>> refs) throws Exception {
        Swap swap = new Swap(new Object());
        Claimant claimant = register(swap);
        refs.add(new WeakReference<>(swap, queue));
        refs.add(new WeakReference<>(swap.holdHandler, queue));
        refs.add(new WeakReference<>(swap.value, queue));
        AtomicInteger steps = new AtomicInteger();
        CountDownLatch results = new CountDownLatch(2);
        long pid = harness.runtime.spawn((events, output) -> {
            for (int i = 0; i < events.size(); i++) {
                results.countDown();
            }
            if (steps.getAndIncrement() == 0) {
                for (int id : new int[] {HOLD, VALUE}) {
                    SwapCommand command = new SwapCommand(id);
                    refs.add(new WeakReference<>(command, queue));
                    output.yield(command, Duration.ofHours(1)); // a deadline: the timer must let go too
                }
            }
            return Status.WAIT; // the process outlives the module
        });
        Held held = take(swap);
        // the slot is retired after module-left; the timer's entry must not keep it either
        refs.add(new WeakReference<>(held.context(), queue));
        harness.registry.unregister(claimant.serviceId());
        assertTrue(results.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        swap.held.clear();
        return pid;
    }

    /** Runs the GC until every reference was cleared, waiting on the queue, bounded. */
    static void awaitCollected(ReferenceQueue<Object> queue, Set<Reference<?>> refs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Harness.WAIT_SECONDS);
        while (!refs.isEmpty() && System.nanoTime() - deadline < 0) {
            System.gc();
            Reference<?> cleared = queue.remove(100);
            while (cleared != null) {
                refs.remove(cleared);
                cleared = queue.poll();
            }
        }
        if (!refs.isEmpty()) {
            fail(refs.size() + " objects of the departed module are still reachable");
        }
    }
}
