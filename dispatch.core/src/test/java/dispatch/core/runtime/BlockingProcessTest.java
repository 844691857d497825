package dispatch.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import dispatch.api.DispatchException;
import dispatch.api.process.Down;
import dispatch.api.process.ExitReason;
import dispatch.api.process.Monitor;
import dispatch.api.process.Outcome;
import dispatch.api.process.ProcessEndedException;
import dispatch.api.process.Status;
import dispatch.core.runtime.scheduling.Threads;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** The blocking style, on virtual threads (where the JVM has them) and on the fallback pool. */
@RunWith(Parameterized.class)
public class BlockingProcessTest {

    @Parameters(name = "virtual={0}")
    public static List<Object[]> threadKinds() {
        return List.of(new Object[] {true}, new Object[] {false});
    }

    private final boolean virtual;

    @Rule
    public final Harness harness;

    public BlockingProcessTest(boolean virtual) {
        this.virtual = virtual;
        this.harness = new Harness().with(RuntimeSettings.defaults().withWorkers(2).withSpin(1000, 10_000)
                .withVirtualThreads(virtual, 4));
    }

    private void assumeThreadKind() {
        if (virtual) {
            assumeTrue("this JVM has no virtual threads", Threads.VIRTUAL != null);
        }
        assertEquals(virtual, harness.runtime.usesVirtualThreads());
    }

    @Test
    public void callCallAllAndErrors() throws Exception {
        assumeThreadKind();
        CompletableFuture<String> seen = new CompletableFuture<>();
        long pid = harness.runtime.spawn(context -> {
            Object echo = context.call(new TestCommands.Echo("sync"));
            Object async = context.call(new TestCommands.AsyncEcho("async"));
            List<Outcome<?>> all = context.callAll(List.of(new TestCommands.AsyncEcho(1), new TestCommands.Throw("x"),
                    new TestCommands.Echo(3)));
            String threadKind = Thread.currentThread().getName();
            try {
                context.call(new DispatchPathTest.Raw(999));
                seen.completeExceptionally(new AssertionError("unknown ID must throw"));
            } catch (DispatchException expected) {
                seen.complete(echo + "," + async + "," + all.get(0).get() + "," + all.get(1).succeeded() + ","
                        + all.get(2).get() + "," + expected.code() + "," + threadKind);
            }
        });
        String result = seen.get(Harness.WAIT_SECONDS, TimeUnit.SECONDS);
        assertTrue(result, result.startsWith("sync,async,1,false,3,unknown-command,"));
        assertEquals(virtual, result.endsWith("dispatch-virtual-" + result.substring(result.lastIndexOf('-') + 1)));
        assertEquals(ExitReason.NORMAL_EXIT, harness.awaitExit(pid));
    }

    @Test
    public void callWithTimeoutThrowsTimeout() throws Exception {
        assumeThreadKind();
        CompletableFuture<String> code = new CompletableFuture<>();
        harness.runtime.spawn(context -> {
            try {
                context.call(new TestCommands.Hold("slow"), Duration.ofMillis(30));
            } catch (DispatchException e) {
                code.complete(e.code());
            }
        });
        assertEquals(DispatchException.TIMEOUT, code.get(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(Harness.take(harness.commands).cancelled());
    }

    @Test
    public void receiveMessagesAndDownNotices() throws Exception {
        assumeThreadKind();
        long sleeper = harness.runtime.spawn((events, output) -> Status.WAIT);
        CompletableFuture<Object> got = new CompletableFuture<>();
        CountDownLatch monitoring = new CountDownLatch(1);
        CountDownLatch timedOut = new CountDownLatch(1);
        long pid = harness.runtime.spawn(context -> {
            Optional<Object> nothing = context.receive(Duration.ofMillis(10));
            timedOut.countDown();
            Object first = context.receive();
            context.call(new Monitor(sleeper));
            monitoring.countDown();
            Down down = (Down) context.receive();
            got.complete(nothing.isPresent() + "," + first + "," + down.pid() + "," + down.reason().message());
        });
        assertTrue(timedOut.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        harness.runtime.send(pid, "hello");
        assertTrue(monitoring.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        harness.runtime.terminate(sleeper, "gone");
        assertEquals("false,hello," + sleeper + ",gone", got.get(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    public void terminateEndsAWaitingProcessWithProcessEnded() throws Exception {
        assumeThreadKind();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        long pid = harness.runtime.spawn(context -> {
            try {
                context.call(new TestCommands.Hold("forever"));
            } catch (ProcessEndedException e) {
                thrown.set(e);
                throw e;
            }
        });
        Harness.Held held = Harness.take(harness.commands);
        harness.runtime.terminate(pid, "wake up");
        ExitReason reason = harness.awaitExit(pid);
        assertEquals(ExitReason.Kind.TERMINATED, reason.kind());
        assertTrue(thrown.get() instanceof ProcessEndedException);
        assertTrue(held.cancelled());
        assertFalse(held.complete("late"));
    }

    @Test
    public void terminateInterruptsTheProcessesOwnWaits() throws Exception {
        assumeThreadKind();
        CountDownLatch sleeping = new CountDownLatch(1);
        long pid = harness.runtime.spawn(context -> {
            sleeping.countDown();
            Thread.sleep(60_000);
        });
        assertTrue(sleeping.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        harness.runtime.terminate(pid, "no more sleep");
        assertEquals("no more sleep", harness.awaitExit(pid).message());
    }

    @Test
    public void failureEndsTheProcessAsFailed() throws Exception {
        assumeThreadKind();
        long pid = harness.runtime.spawn(context -> {
            throw new IllegalStateException("blocking failure");
        });
        assertEquals(ExitReason.Kind.FAILED, harness.awaitExit(pid).kind());
    }

    @Test
    public void manyBlockingProcessesShareTheBoundedPool() throws Exception {
        assumeThreadKind();
        int processes = 50; // more than the 4 pool threads of the fallback
        CountDownLatch done = new CountDownLatch(processes);
        for (int p = 0; p < processes; p++) {
            harness.runtime.spawn(context -> {
                for (int i = 0; i < 20; i++) {
                    context.call(new TestCommands.AsyncEcho(i));
                }
                done.countDown();
            });
        }
        assertTrue(done.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(processes * 20L, harness.runtime.stats().yields());
    }
}
