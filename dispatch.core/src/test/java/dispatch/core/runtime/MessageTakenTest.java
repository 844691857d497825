package dispatch.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dispatch.api.ProcessRef;
import dispatch.api.process.Status;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Rule;
import org.junit.Test;

/**
 * {@link ProcessRef#send(Object, Runnable)}: the callback runs once the process took the message,
 * never before it saw it, and never for a process that ended before taking it.
 */
public class MessageTakenTest {

    @Rule
    public final Harness harness = new Harness();

    @Test
    public void aStepProcessTakesTheMessageAfterTheStepThatSawIt() throws Exception {
        AtomicBoolean taken = new AtomicBoolean();
        List<Boolean> takenWhenSeen = new CopyOnWriteArrayList<>();
        CountDownLatch tookIt = new CountDownLatch(1);
        long pid = harness.runtime.spawn(new Harness.Script((events, output) -> {
            if (events.size() > 0) {
                takenWhenSeen.add(taken.get());
            }
            return Status.WAIT;
        }));
        boolean sent = harness.runtime.cell(pid).send("hello", () -> {
            taken.set(true);
            tookIt.countDown();
        });
        assertTrue(sent);
        assertTrue(tookIt.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of(false), takenWhenSeen);
    }

    @Test
    public void theCallbackMaySendTheNextMessage() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        CountDownLatch three = new CountDownLatch(3);
        long pid = harness.runtime.spawn(new Harness.Script((events, output) -> {
            for (int i = 0; i < events.size(); i++) {
                seen.add(events.get(i).value());
                three.countDown();
            }
            return Status.WAIT;
        }));
        ProcessCell cell = harness.runtime.cell(pid);
        Runnable[] next = new Runnable[1];
        int[] sent = {1};
        next[0] = () -> {
            if (sent[0] < 3) {
                cell.send(sent[0]++, next[0]);
            }
        };
        cell.send(0, next[0]);
        assertTrue(three.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(List.of(0, 1, 2), seen);
    }

    @Test
    public void aBlockingProcessTakesTheMessageWhenReceiveReturnsIt() throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch tookIt = new CountDownLatch(1);
        long pid = harness.runtime.spawn(context -> {
            ready.countDown();
            context.receive();
            tookIt.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS);
        });
        assertTrue(ready.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        harness.runtime.cell(pid).send("hello", tookIt::countDown);
        assertTrue(tookIt.await(Harness.WAIT_SECONDS, TimeUnit.SECONDS));
        harness.awaitExit(pid);
    }

    @Test
    public void aMessageOfAnEndedProcessIsNeverTaken() throws Exception {
        AtomicBoolean taken = new AtomicBoolean();
        long pid = harness.runtime.spawn(new Harness.Script((events, output) -> Status.WAIT));
        ProcessCell cell = harness.runtime.cell(pid);
        assertTrue(harness.runtime.terminate(pid, "test says so"));
        harness.awaitExit(pid);
        assertFalse(cell.send("late", () -> taken.set(true)));
        assertFalse(taken.get());
    }
}
