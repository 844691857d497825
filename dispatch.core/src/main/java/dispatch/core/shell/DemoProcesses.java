package dispatch.core.shell;

import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.Exec;
import dispatch.api.process.Send;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/** The processes of {@code dispatch:spawn}: real yields through the real runtime, counted. */
final class DemoProcesses {

    final LongAdder yields = new LongAdder();
    final LongAdder results = new LongAdder();
    final LongAdder errors = new LongAdder();
    final LongAdder messages = new LongAdder();
    final CountDownLatch done;
    final java.util.concurrent.atomic.AtomicReference<Throwable> firstError = new java.util.concurrent.atomic.AtomicReference<>();

    DemoProcesses(int processes) {
        done = new CountDownLatch(processes);
    }

    /** Yields {@code count} commands one after the other, alternating Exec and a Send to itself. */
    StepProcess worker(int count) {
        return new StepProcess() {
            private int yielded;
            private int received;

            @Override
            public Status step(Events events, StepOutput output) {
                for (int i = 0; i < events.size(); i++) {
                    Event event = events.get(i);
                    if (event.kind() == Event.Kind.MESSAGE) {
                        messages.increment();
                        continue;
                    }
                    received++;
                    results.increment();
                    if (event.failed()) {
                        errors.increment();
                        firstError.compareAndSet(null, event.error());
                    }
                }
                if (received == count) {
                    done.countDown();
                    return Status.DONE;
                }
                if (yielded == received) {
                    int n = yielded++;
                    yields.increment();
                    if (n % 2 == 0) {
                        output.yield(new Exec<>(() -> n));
                    } else {
                        output.yield(new Send(output.pid(), n));
                    }
                }
                return Status.WAIT;
            }

            @Override
            public String name() {
                return "demo-worker";
            }
        };
    }

    /** Answers every message that is a PID with a Send back, until told to stop with a negative one. */
    StepProcess ponger() {
        return new StepProcess() {
            @Override
            public Status step(Events events, StepOutput output) {
                for (int i = 0; i < events.size(); i++) {
                    Event event = events.get(i);
                    if (event.kind() == Event.Kind.MESSAGE && event.value() instanceof Long from) {
                        messages.increment();
                        if (from < 0) {
                            done.countDown();
                            return Status.DONE;
                        }
                        yields.increment();
                        output.yield(new Send(from, "pong"));
                    } else if (event.kind() == Event.Kind.RESULT) {
                        results.increment();
                    }
                }
                return Status.WAIT;
            }

            @Override
            public String name() {
                return "demo-ponger";
            }
        };
    }

    /** Pings {@code partner} {@code rounds} times, each time waiting for the pong. */
    StepProcess pinger(long partner, int rounds) {
        return new StepProcess() {
            private int pongs = -1;

            @Override
            public Status step(Events events, StepOutput output) {
                for (int i = 0; i < events.size(); i++) {
                    Event event = events.get(i);
                    if (event.kind() == Event.Kind.MESSAGE) {
                        messages.increment();
                    } else {
                        results.increment();
                        if (event.failed()) {
                            errors.increment();
                            firstError.compareAndSet(null, event.error());
                        }
                    }
                }
                boolean pong = pongs < 0;
                for (int i = 0; i < events.size(); i++) {
                    pong |= events.get(i).kind() == Event.Kind.MESSAGE;
                }
                if (!pong) {
                    return Status.WAIT;
                }
                pongs++;
                yields.increment();
                if (pongs == rounds) {
                    output.yield(new Send(partner, -1L));
                    done.countDown();
                    return Status.DONE;
                }
                output.yield(new Send(partner, output.pid()));
                return Status.WAIT;
            }

            @Override
            public String name() {
                return "demo-pinger";
            }
        };
    }
}
