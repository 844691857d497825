package dispatch.itest;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.Exec;
import dispatch.api.process.Send;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.itest.fixtures.SwapDispatcher;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load of the hot-swap chaos test: processes that keep two yields outstanding, cycling
 * through the custom module's two commands (the asynchronous one with a deadline) and two
 * system commands (Exec, Send to itself), until told to stop; then each ends once its last result arrived. Every result is checked
 * against an outstanding tag of its process, and counted by outcome.
 */
final class Chaos {

    /** A command of the custom module: the process only knows its ID. */
    record Custom(int id) implements Command<String> {
    }

    private static final java.time.Duration DEADLINE = java.time.Duration.ofHours(1);

    final LongAdder yields = new LongAdder();
    final LongAdder customYields = new LongAdder();
    final LongAdder successes = new LongAdder();
    final LongAdder unavailable = new LongAdder();
    final LongAdder left = new LongAdder();
    final LongAdder otherErrors = new LongAdder();
    final LongAdder notMine = new LongAdder();
    final AtomicReference<Throwable> firstOtherError = new AtomicReference<>();
    final CountDownLatch done;
    private final int yieldsPerProcess;
    private volatile boolean stopping;
    private final ConcurrentHashMap<String, CompletableFuture<Long>> awaited = new ConcurrentHashMap<>();

    /**
     * @param processes        how many processes will run
     * @param yieldsPerProcess how many yields each makes at most (it stops earlier when told)
     */
    Chaos(int processes, int yieldsPerProcess) {
        this.done = new CountDownLatch(processes);
        this.yieldsPerProcess = yieldsPerProcess;
    }

    /** Processes yield nothing more; each ends when its outstanding yields have their results. */
    void stop() {
        stopping = true;
    }

    /** Completes with the {@link System#nanoTime()} at which a process first got {@code answer}. */
    CompletableFuture<Long> firstResult(String answer) {
        return awaited.computeIfAbsent(answer, key -> new CompletableFuture<>());
    }

    long results() {
        return successes.sum() + unavailable.sum() + left.sum() + otherErrors.sum();
    }

    StepProcess worker() {
        return new StepProcess() {
            private final Set<Long> outstanding = new HashSet<>(4);
            private int yielded;

            @Override
            public Status step(Events events, StepOutput output) {
                for (int i = 0; i < events.size(); i++) {
                    Event event = events.get(i);
                    if (event.kind() == Event.Kind.MESSAGE) {
                        continue; // the Sends' own messages
                    }
                    if (!outstanding.remove(event.tag())) {
                        notMine.increment();
                    }
                    count(event);
                }
                while (!stopping && yielded < yieldsPerProcess && outstanding.size() < 2) {
                    Command<?> command = next(output.pid());
                    // the async ones with a deadline (never reached): the timer sees them come and go
                    outstanding.add(command.id() == SwapDispatcher.ASYNC_VALUE
                            ? output.yield(command, DEADLINE) : output.yield(command));
                }
                if (outstanding.isEmpty() && (stopping || yielded == yieldsPerProcess)) {
                    done.countDown();
                    return Status.DONE;
                }
                return Status.WAIT;
            }

            private Command<?> next(long self) {
                int kind = yielded++ % 4;
                yields.increment();
                if (kind < 2) {
                    customYields.increment();
                }
                return switch (kind) {
                    case 0 -> new Custom(SwapDispatcher.VALUE);
                    case 1 -> new Custom(SwapDispatcher.ASYNC_VALUE);
                    case 2 -> new Exec<>(() -> self);
                    default -> new Send(self, "hello");
                };
            }

            @Override
            public String name() {
                return "chaos";
            }
        };
    }

    private void count(Event event) {
        Throwable error = event.error();
        if (error == null) {
            successes.increment();
            if (event.value() instanceof String answer) {
                CompletableFuture<Long> waiting = awaited.get(answer);
                if (waiting != null && !waiting.isDone()) {
                    waiting.complete(System.nanoTime());
                }
            }
            return;
        }
        String code = error instanceof DispatchException dispatchError ? dispatchError.code() : "";
        switch (code) {
            case DispatchException.MODULE_UNAVAILABLE -> unavailable.increment();
            case DispatchException.MODULE_LEFT -> left.increment();
            default -> {
                otherErrors.increment();
                firstOtherError.compareAndSet(null, error);
            }
        }
    }
}
