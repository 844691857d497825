package dispatch.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dispatch.api.DispatchException;
import dispatch.api.process.Down;
import dispatch.api.process.Event;
import dispatch.api.process.Exec;
import dispatch.api.process.ExitReason;
import dispatch.api.process.Link;
import dispatch.api.process.Monitor;
import dispatch.api.process.Send;
import dispatch.api.process.Spawn;
import dispatch.api.process.Status;
import dispatch.api.process.Terminate;
import dispatch.api.process.Unmonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Rule;
import org.junit.Test;

/** Termination, monitors, links, the other process commands and shutdown. */
public class LifecycleTest {

    @Rule
    public final Harness harness = new Harness();

    /** A process that just waits for messages forever. */
    private static Harness.Script waiter() {
        return new Harness.Script((events, output) -> Status.WAIT);
    }

    /** A process that fails as soon as it gets a message. */
    private static Harness.Script failsOnMessage() {
        return new Harness.Script((events, output) -> {
            if (events.size() > 0) {
                throw new IllegalStateException("asked to fail");
            }
            return Status.WAIT;
        });
    }

    private static List<Down> downs(Harness.Script script) {
        List<Down> downs = new ArrayList<>();
        for (Object[] event : script.seen) {
            if (event[0] == Event.Kind.MESSAGE && event[2] instanceof Down down) {
                downs.add(down);
            }
        }
        return downs;
    }

    @Test
    public void terminateCancelsOutstandingYieldsAndDeliversNothingAfter() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        Harness.Script script = new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                for (int i = 0; i < 3; i++) {
                    output.yield(new TestCommands.Hold("h" + i));
                }
            }
            return Status.WAIT;
        });
        long pid = harness.runtime.spawn(script);
        List<Harness.Held> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            held.add(Harness.take(harness.commands));
        }
        assertEquals(3, harness.runtime.info(pid).orElseThrow().outstanding());
        assertTrue(harness.runtime.terminate(pid, "test says so"));
        ExitReason reason = harness.awaitExit(pid);
        assertEquals(ExitReason.Kind.TERMINATED, reason.kind());
        assertEquals("test says so", reason.message());
        for (Harness.Held one : held) {
            assertTrue("handler sees the cancellation", one.cancelled());
            assertFalse("nothing is delivered after the end", one.complete("late"));
        }
        assertEquals(3, harness.commands.cancelActions.get());
        assertEquals("no step after the first", 1, steps.get());
        assertTrue(script.seen.isEmpty());
        assertFalse(harness.runtime.send(pid, "hello"));
        assertFalse(harness.runtime.terminate(pid, "again"));
        assertTrue(harness.runtime.info(pid).isEmpty());
    }

    @Test
    public void monitorGetsDownWithTheReason() throws Exception {
        long target = harness.runtime.spawn(failsOnMessage());
        AtomicLong ref = new AtomicLong();
        CountDownLatch down = new CountDownLatch(1);
        AtomicInteger steps = new AtomicInteger();
        Harness.Script watcher = new Harness.Script((events, output) -> {
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).isResultOf(1L << SlotTable.INDEX_BITS)) { // the first tag: Monitor's result
                    ref.set((Long) events.get(i).value());
                    output.yield(new Send(target, "fail now"));
                }
                if (events.get(i).value() instanceof Down) {
                    down.countDown();
                    return Status.DONE;
                }
            }
            if (steps.getAndIncrement() == 0) {
                output.yield(new Monitor(target));
            }
            return Status.WAIT;
        });
        long watcherPid = harness.runtime.spawn(watcher);
        assertTrue(down.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        harness.awaitExit(watcherPid);
        Down notice = downs(watcher).get(0);
        assertEquals(ref.get(), notice.ref());
        assertEquals(target, notice.pid());
        assertEquals(ExitReason.Kind.FAILED, notice.reason().kind());
        assertTrue(notice.reason().cause() instanceof IllegalStateException);
    }

    @Test
    public void monitoringADeadProcessGivesDownAtOnce() throws Exception {
        long dead = harness.runtime.spawn((events, output) -> Status.DONE);
        harness.awaitExit(dead);
        AtomicInteger steps = new AtomicInteger();
        AtomicInteger events0 = new AtomicInteger();
        Harness.Script watcher = new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                output.yield(new Monitor(dead));
                output.yield(new Monitor(987_654));
            }
            return events0.addAndGet(events.size()) >= 4 ? Status.DONE : Status.WAIT; // 2 refs, 2 notices
        });
        harness.awaitExit(harness.runtime.spawn(watcher));
        List<Down> downs = downs(watcher);
        assertEquals(2, downs.size());
        for (Down notice : downs) {
            assertEquals(ExitReason.Kind.NO_SUCH_PROCESS, notice.reason().kind());
        }
        assertEquals(dead, downs.get(0).pid());
        assertEquals(987_654, downs.get(1).pid());
    }

    @Test
    public void unmonitorStopsTheNotice() throws Exception {
        long target = harness.runtime.spawn(waiter());
        AtomicInteger steps = new AtomicInteger();
        AtomicLong unmonitored = new AtomicLong(-1);
        Harness.Script watcher = new Harness.Script((events, output) -> {
            for (int i = 0; i < events.size(); i++) {
                Object value = events.get(i).value();
                if (value instanceof Long ref) {
                    output.yield(new Unmonitor(ref));
                } else if (value instanceof Boolean done) {
                    unmonitored.set(done ? 1 : 0);
                    return Status.DONE;
                }
            }
            if (steps.getAndIncrement() == 0) {
                output.yield(new Monitor(target));
            }
            return Status.WAIT;
        });
        long watcherPid = harness.runtime.spawn(watcher);
        harness.awaitExit(watcherPid);
        assertEquals(1, unmonitored.get());
        harness.runtime.terminate(target, "bye");
        harness.awaitExit(target);
        assertTrue(downs(watcher).isEmpty());
    }

    @Test
    public void abnormalExitTerminatesTheLinkedPartner() throws Exception {
        long failing = harness.runtime.spawn(failsOnMessage());
        AtomicInteger steps = new AtomicInteger();
        Harness.Script partner = new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                output.yield(new Link(failing));
            } else if (events.size() > 0 && Boolean.TRUE.equals(events.get(0).value())) {
                output.yield(new Send(failing, "fail"));
            }
            return Status.WAIT;
        });
        long partnerPid = harness.runtime.spawn(partner);
        ExitReason reason = harness.awaitExit(partnerPid);
        assertEquals(ExitReason.Kind.TERMINATED, reason.kind());
        assertTrue(reason.message(), reason.message().contains("linked process " + failing));
        assertEquals(ExitReason.Kind.FAILED, harness.awaitExit(failing).kind());
    }

    @Test
    public void normalExitDoesNotPropagateOverALink() throws Exception {
        long quitter = harness.runtime.spawn(new Harness.Script((events, output) ->
                events.size() > 0 ? Status.DONE : Status.WAIT));
        AtomicInteger steps = new AtomicInteger();
        Harness.Script partner = new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                output.yield(new Link(quitter));
                output.yield(new Send(quitter, "quit"));
                output.yield(new Monitor(quitter));
            }
            for (int i = 0; i < events.size(); i++) {
                if (events.get(i).value() instanceof Down) {
                    return Status.DONE;
                }
            }
            return Status.WAIT;
        });
        ExitReason reason = harness.awaitExit(harness.runtime.spawn(partner));
        assertEquals(ExitReason.NORMAL_EXIT, reason);
    }

    @Test
    public void linkingToADeadProcessIsAnError() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        Harness.Script script = new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                output.yield(new Link(123_456));
                return Status.WAIT;
            }
            return Status.DONE;
        });
        harness.awaitExit(harness.runtime.spawn(script));
        assertEquals(DispatchException.NO_SUCH_PROCESS, ((DispatchException) script.seen.get(0)[3]).code());
    }

    @Test
    public void spawnLinkedChildDiesWithItsParent() throws Exception {
        AtomicLong child = new AtomicLong();
        CountDownLatch spawned = new CountDownLatch(1);
        AtomicInteger steps = new AtomicInteger();
        long parent = harness.runtime.spawn(new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                output.yield(new Spawn(waiter(), true));
                return Status.WAIT;
            }
            if (events.size() > 0 && events.get(0).value() instanceof Long pid) {
                child.set(pid);
                spawned.countDown();
                return Status.WAIT;
            }
            throw new IllegalStateException("parent fails");
        }));
        assertTrue(spawned.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        harness.runtime.send(parent, "fail");
        assertEquals(ExitReason.Kind.FAILED, harness.awaitExit(parent).kind());
        ExitReason childReason = harness.awaitExit(child.get());
        assertEquals(ExitReason.Kind.TERMINATED, childReason.kind());
        assertTrue(childReason.message().contains("linked process " + parent));
    }

    @Test
    public void terminateCommandAndSendCommand() throws Exception {
        long target = harness.runtime.spawn(waiter());
        AtomicInteger steps = new AtomicInteger();
        AtomicInteger results = new AtomicInteger();
        Harness.Script script = new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                output.yield(new Send(target, "hi"));
                output.yield(new Terminate(target, "enough"));
                return Status.WAIT;
            }
            return results.addAndGet(events.size()) >= 2 ? Status.DONE : Status.WAIT;
        });
        harness.awaitExit(harness.runtime.spawn(script));
        ExitReason reason = harness.awaitExit(target);
        assertEquals("enough", reason.message());
        assertEquals(Boolean.TRUE, script.seen.get(0)[2]);
        assertEquals(Boolean.TRUE, script.seen.get(1)[2]);
    }

    @Test
    public void execRunsOffTheWorkersAndCancelInterruptsIt() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicInteger steps = new AtomicInteger();
        Harness.Script script = new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                output.yield(new Exec<>(() -> Thread.currentThread().getName()));
                output.yield(new Exec<>(() -> {
                    started.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                    }
                    return "never";
                }));
                return Status.WAIT;
            }
            return Status.WAIT;
        });
        long pid = harness.runtime.spawn(script);
        assertTrue(started.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        harness.runtime.terminate(pid, "stop the sleeper");
        assertTrue("cancellation interrupts the task", interrupted.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        harness.awaitExit(pid);
    }

    @Test
    public void execResultArrives() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        AtomicInteger results = new AtomicInteger();
        Harness.Script script = new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                output.yield(new Exec<>(() -> Thread.currentThread().getName()));
                output.yield(new Exec<>(() -> {
                    throw new java.io.IOException("disk on fire");
                }));
                return Status.WAIT;
            }
            return results.addAndGet(events.size()) >= 2 ? Status.DONE : Status.WAIT;
        });
        harness.awaitExit(harness.runtime.spawn(script));
        Object[] ok = script.seen.stream().filter(e -> e[3] == null).findFirst().orElseThrow();
        assertFalse("not on a worker", ((String) ok[2]).startsWith("dispatch-worker"));
        Object[] failed = script.seen.stream().filter(e -> e[3] != null).findFirst().orElseThrow();
        assertTrue(failed[3] instanceof java.io.IOException);
    }

    @Test
    public void shutdownWithWorkInFlight() throws Exception {
        List<Long> pids = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            AtomicInteger steps = new AtomicInteger();
            pids.add(harness.runtime.spawn(new Harness.Script((events, output) -> {
                if (steps.getAndIncrement() == 0) {
                    output.yield(new TestCommands.Hold("in flight"));
                    output.yield(new TestCommands.AsyncEcho("busy"));
                }
                output.yield(new TestCommands.AsyncEcho("busy")); // keeps yielding until stopped
                return Status.WAIT;
            })));
        }
        List<Harness.Held> held = new ArrayList<>();
        for (int p = 0; p < 20; p++) {
            held.add(Harness.take(harness.commands));
        }
        List<java.util.concurrent.CompletableFuture<ExitReason>> exits = new ArrayList<>();
        for (long pid : pids) {
            exits.add(harness.runtime.exitOf(pid).orElseThrow().toCompletableFuture());
        }
        long start = System.nanoTime();
        harness.runtime.close();
        assertTrue("bounded", System.nanoTime() - start < TimeUnit.SECONDS.toNanos(Harness.WAIT_SECONDS));
        for (java.util.concurrent.CompletableFuture<ExitReason> exit : exits) {
            assertEquals(ExitReason.Kind.SHUTDOWN, exit.getNow(null).kind());
        }
        for (Harness.Held one : held) {
            assertTrue(one.cancelled());
            assertFalse(one.complete("after shutdown"));
        }
        assertEquals(0, harness.runtime.stats().processesLive());
        try {
            harness.runtime.spawn(waiter());
            throw new AssertionError("spawn after close must fail");
        } catch (DispatchException expected) {
            assertEquals(DispatchException.SHUTDOWN, expected.code());
        }
    }

    @Test
    public void onExitRunsOnceEvenWhenAddedLate() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch handed = new CountDownLatch(1);
        Harness.Held held = spawnHolding();
        long pid = held.held().context().process().pid();
        held.held().context().process().onExit(ran::incrementAndGet);
        held.held().context().process().onExit(ran::incrementAndGet).close();
        handed.countDown();
        harness.runtime.terminate(pid, "done");
        harness.awaitExit(pid);
        held.held().context().process().onExit(ran::incrementAndGet); // after the end: runs at once
        assertEquals(2, ran.get());
        assertFalse(held.held().context().process().isAlive());
    }

    @Test
    public void whoeverSeesTheExitSeesTheExitActionsDone() throws Exception {
        Harness.Held held = spawnHolding();
        long pid = held.held().context().process().pid();
        AtomicInteger actionsDone = new AtomicInteger();
        List<Boolean> exitSeenDuringAction = new ArrayList<>();
        held.held().context().process().onExit(() -> {
            exitSeenDuringAction.add(harness.runtime.exitOf(pid).orElseThrow().toCompletableFuture().isDone());
            actionsDone.incrementAndGet();
        });
        // its own future: the stage's dependents run one after another, in no promised order
        CompletableFuture<Integer> actionsDoneWhenExitSeen = new CompletableFuture<>();
        harness.runtime.exitOf(pid).orElseThrow().thenRun(() -> actionsDoneWhenExitSeen.complete(actionsDone.get()));
        harness.runtime.terminate(pid, "done");
        harness.awaitExit(pid);
        assertEquals("the exit stage completed after the exit action", Integer.valueOf(1),
                actionsDoneWhenExitSeen.get(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals("the exit was not visible yet while the exit action ran", List.of(false), exitSeenDuringAction);
    }

    /** Spawns a process that yields one command the test holds, and returns that yield. */
    private Harness.Held spawnHolding() throws Exception {
        AtomicInteger steps = new AtomicInteger();
        harness.runtime.spawn(new Harness.Script((events, output) -> {
            if (steps.getAndIncrement() == 0) {
                output.yield(new TestCommands.Hold("ref"));
            }
            return Status.WAIT;
        }));
        return Harness.take(harness.commands);
    }
}
