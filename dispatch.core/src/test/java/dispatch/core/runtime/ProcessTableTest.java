package dispatch.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import dispatch.api.process.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.Rule;
import org.junit.Test;

/** The process table: lookups by PID, and chunks that go once every PID of theirs is retired. */
public class ProcessTableTest {

    @Rule
    public final Harness harness = new Harness().with(RuntimeSettings.defaults().withWorkers(0));

    private final ProcessTable table = new ProcessTable();

    private StepCell cell(long pid) {
        return new StepCell(harness.runtime, pid, (events, output) -> Status.DONE);
    }

    @Test
    public void findsWhatIsListedAndNothingElse() {
        StepCell one = cell(1);
        StepCell far = cell(3 * ProcessTable.CHUNK + 7);
        table.put(1, one);
        table.put(far.pid, far);
        assertSame(one, table.get(1));
        assertSame(far, table.get(far.pid));
        assertNull(table.get(2));
        assertNull(table.get(far.pid + ProcessTable.CHUNK));
        assertEquals(2, table.size());
        table.remove(1);
        assertNull(table.get(1));
        assertEquals(1, table.size());
        assertEquals(List.of(far), table.snapshot());
    }

    @Test
    public void aChunkGoesWhenAllItsPidsAreRetiredAndALongLivedProcessKeepsOnlyItsOwn() {
        int count = 5 * ProcessTable.CHUNK;
        for (long pid = 1; pid <= count; pid++) {
            table.put(pid, cell(pid));
        }
        assertEquals(6, table.chunks()); // PIDs 1 .. 5 * CHUNK: chunks 0 to 5
        for (long pid = 2; pid <= count; pid++) {
            table.remove(pid);
        }
        // chunk 0 holds the long-lived PID 1; chunk 5 has PIDs not handed out yet
        assertEquals(2, table.chunks());
        assertEquals(1, table.size());
        table.remove(1);
        assertEquals(1, table.chunks());
        assertTrue(table.isEmpty());
    }

    @Test
    public void aPidWhoseSpawnFailedIsRetiredToo() {
        int last = ProcessTable.CHUNK - 1; // chunk 0: PIDs 1 .. CHUNK - 1
        for (long pid = 1; pid <= last; pid++) {
            if (pid == 5) {
                table.retire(pid); // never listed
            } else {
                table.put(pid, cell(pid));
            }
        }
        for (long pid = 1; pid <= last; pid++) {
            table.remove(pid);
        }
        assertEquals(0, table.chunks());
    }

    @Test
    public void threadsListingAndEndingProcessesAtOnceLeaveNothingBehind() throws Exception {
        int perThread = 20 * ProcessTable.CHUNK;
        List<CompletableFuture<Void>> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t;
            threads.add(CompletableFuture.runAsync(() -> {
                for (long i = 0; i < perThread; i++) {
                    long pid = 1 + 2 * i + offset; // the two threads take turns along the PIDs
                    table.put(pid, cell(pid));
                    assertEquals(pid, table.get(pid).pid);
                    table.remove(pid);
                }
            }));
        }
        for (CompletableFuture<Void> thread : threads) {
            thread.get(30, TimeUnit.SECONDS);
        }
        assertTrue(table.isEmpty());
        assertEquals("only the chunk whose PIDs are not all handed out", 1, table.chunks());
    }
}
