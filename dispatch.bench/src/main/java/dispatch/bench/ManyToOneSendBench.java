package dispatch.bench;

import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.core.runtime.DispatchRuntime;
import dispatch.core.runtime.RuntimeSettings;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Many threads sending to one process, as to a server process: every benchmark thread
 * ({@code -t N}) sends messages to the same step process on a real worker, which takes them
 * from its queue. One operation is one message sent; each sender keeps at most {@value #WINDOW}
 * of its messages unread, so the queue stays bounded and the figure is what the producers and
 * the one consumer sustain together under contention on the process's queue.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ManyToOneSendBench {

    static final int WINDOW = 1024;

    /** One benchmark thread: what it sent, and what the process has read of it (written by the process only). */
    @State(Scope.Thread)
    public static class Sender {
        long sent;
        volatile long read;
    }

    /** Reads every message and counts it for its sender. */
    static final class Server implements StepProcess {
        @Override
        public Status step(Events events, StepOutput output) {
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                if (event.kind() == Event.Kind.MESSAGE) {
                    Sender from = (Sender) event.value();
                    from.read = from.read + 1; // one reader: the process
                }
            }
            return Status.WAIT;
        }
    }

    private DispatchRuntime runtime;
    private long server;

    @Setup
    public void setUp() {
        runtime = new DispatchRuntime(BenchModule.registry((context, command, tag, receiver) -> { }),
                RuntimeSettings.defaults());
        server = runtime.spawn(new Server());
    }

    @Benchmark
    public boolean send(Sender sender) {
        while (sender.sent - sender.read >= WINDOW) {
            Thread.yield(); // the process is behind: give its worker the core
        }
        sender.sent++;
        return runtime.send(server, sender);
    }

    @TearDown
    public void tearDown() {
        runtime.close();
    }
}
