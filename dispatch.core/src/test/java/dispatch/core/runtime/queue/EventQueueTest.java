package dispatch.core.runtime.queue;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * The two multi-producer queues, the run queue ({@link Inbox}) and a process's {@link Mailbox}:
 * every node once, each producer's nodes in its order, a node reusable once taken.
 */
@RunWith(Parameterized.class)
public class EventQueueTest {

    /** What the test needs of either queue. */
    interface Queue {
        void push(Node node);

        Node poll();

        boolean isEmpty();
    }

    private static final class RunQueue implements Queue {
        private final Inbox inbox = new Inbox();

        @Override
        public void push(Node node) {
            inbox.push(node);
        }

        @Override
        public Node poll() {
            return inbox.poll();
        }

        @Override
        public boolean isEmpty() {
            return inbox.isEmpty();
        }
    }

    private static final class ProcessMailbox extends Mailbox implements Queue {
        @Override
        public void push(Node node) {
            enqueueEvent(node);
        }

        @Override
        public Node poll() {
            return pollEvent();
        }

        @Override
        public boolean isEmpty() {
            return noEvents();
        }
    }

    @Parameters(name = "{0}")
    public static List<Object[]> queues() {
        return List.of(new Object[] {"run queue", (Supplier<Queue>) RunQueue::new},
                new Object[] {"mailbox", (Supplier<Queue>) ProcessMailbox::new});
    }

    private final Supplier<Queue> queues;

    public EventQueueTest(String name, Supplier<Queue> queues) {
        this.queues = queues;
    }

    private static final class Numbered extends Node {
        final int producer;
        final int sequence;

        Numbered(int producer, int sequence) {
            this.producer = producer;
            this.sequence = sequence;
        }
    }

    @Test
    public void emptyQueuePollsNull() {
        Queue queue = queues.get();
        assertTrue(queue.isEmpty());
        assertNull(queue.poll());
        Numbered one = new Numbered(0, 0);
        queue.push(one);
        assertEquals(one, queue.poll());
        assertNull(queue.poll());
        queue.push(one); // a consumed node may be pushed again (pooled slots are)
        assertEquals(one, queue.poll());
        assertTrue(queue.isEmpty());
    }

    @Test
    public void nodesPushedBetweenPollsComeOutInOrder() {
        Queue queue = queues.get();
        Numbered first = new Numbered(0, 1);
        Numbered second = new Numbered(0, 2);
        Numbered third = new Numbered(0, 3);
        queue.push(first);
        queue.push(second);
        assertEquals(first, queue.poll());
        queue.push(third); // while second is still queued
        assertEquals(second, queue.poll());
        assertEquals(third, queue.poll());
        assertNull(queue.poll());
        assertTrue(queue.isEmpty());
    }

    @Test
    public void producersRaceOneConsumer() throws Exception {
        int producers = 4;
        int each = 200_000;
        Queue queue = queues.get();
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
                    queue.push(new Numbered(producer, i));
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
            Node node = queue.poll();
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
        assertNull(queue.poll());
        for (int count : next) {
            assertEquals(each, count);
        }
    }
}
