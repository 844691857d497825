package dispatch.module.clock.internal;

import dispatch.api.ProcessRef;
import dispatch.module.clock.Tick;
import java.time.Instant;

/**
 * A ticker: its own wheel entry, re-armed by the wheel after every tick, so a running ticker
 * costs one object (and its {@link ExitLink}) and allocates only the {@link Tick} messages it sends.
 *
 * <p>Ticks and stopping are serialised on the ticker's monitor: a tick is either sent before
 * the stop took effect (and reaches the process before the stop's result) or not at all. The
 * {@code stopped} flag is the tombstone for a stop that comes before the first scheduling.
 */
final class Ticker extends WheelTask implements ClockHandle, Runnable {

    private final Clock clock;
    private final long id;
    private final ProcessRef owner;
    private final String topic;
    private final long startNanos;
    private final long intervalNanos;

    // Guarded by this.
    private boolean stopped;
    private long lastSequence;

    final ExitLink exitLink = new ExitLink();

    Ticker(Clock clock, long id, ProcessRef owner, String topic, long startNanos, long intervalNanos) {
        this.clock = clock;
        this.id = id;
        this.owner = owner;
        this.topic = topic;
        this.startNanos = startNanos;
        this.intervalNanos = intervalNanos;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public ProcessRef owner() {
        return owner;
    }

    @Override
    public String typeName() {
        return "ticker";
    }

    /** Schedules the first tick, unless a stop came first. */
    void begin() {
        synchronized (this) {
            if (!stopped) {
                clock.wheel().schedule(this, startNanos + intervalNanos);
            }
        }
    }

    @Override
    long expire(long nowNanos) {
        synchronized (this) {
            if (stopped) {
                return NO_REPEAT;
            }
            // Tick n is due at start + n * interval; after a delay of whole intervals the missed ones are skipped.
            long sequence = Math.max(lastSequence + 1, (nowNanos - startNanos) / intervalNanos);
            if (!owner.send(new Tick(id, topic, sequence, Instant.now()))) {
                end(null); // the process is gone
                return NO_REPEAT;
            }
            lastSequence = sequence;
            return startNanos + (sequence + 1) * intervalNanos;
        }
    }

    /**
     * Stops the ticker.
     *
     * @return the sequence of the last tick sent, or -1 when it was stopped already
     */
    long stop() {
        long last;
        synchronized (this) {
            if (stopped) {
                return -1;
            }
            stopped = true;
            clock.wheel().cancel(this);
            last = lastSequence;
        }
        clock.ended(this);
        exitLink.close();
        return last;
    }

    @Override
    public void end(Throwable error) {
        stop();
    }

    /** Runs when the owning process ends. */
    @Override
    public void run() {
        stop();
    }

    @Override
    int kind() {
        return Clock.KIND_TICKER;
    }
}
