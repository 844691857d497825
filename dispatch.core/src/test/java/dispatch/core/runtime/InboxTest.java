package dispatch.core.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.Test;

/** The MPSC inbox: every node once, each producer's nodes in its order. */
public class InboxTest {

    private static final class Numbered extends Node {
        final int producer;
        final int sequence;

        Numbered(int producer, int sequence) {
            this.producer = producer;
            this.sequence = sequence;
        }
    }

    @Test
    public void emptyInboxPollsNull() {
        Inbox inbox = new Inbox();
        assertTrue(inbox.isEmpty());
        assertNull(inbox.poll());
        Numbered one = new Numbered(0, 0);
        inbox.push(one);
        assertEquals(one, inbox.poll());
        assertNull(inbox.poll());
        inbox.push(one); // a consumed node may be pushed again (pooled slots are)
        assertEquals(one, inbox.poll());
        assertTrue(inbox.isEmpty());
    }

    @Test
    public void producersRaceOneConsumer() throws Exception {
        int producers = 4;
        int each = 200_000;
        Inbox inbox = new Inbox();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    inbox.push(new Numbered(producer, i));
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        int[] next = new int[producers];
        int received = 0;
        // The consumer polls as a worker does; the deadline turns a lost node into a failure, not a hang.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received < producers * each) {
            Node node = inbox.poll();
            if (node == null) {
                assertTrue("nodes lost: received " + received, System.nanoTime() < deadline);
                Thread.onSpinWait();
                continue;
            }
            Numbered numbered = (Numbered) node;
            assertEquals("in order", next[numbered.producer], numbered.sequence);
            next[numbered.producer]++;
            received++;
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertNull(inbox.poll());
        for (int count : next) {
            assertEquals(each, count);
        }
    }
}
