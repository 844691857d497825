package dispatch.module.clock.internal;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A clock a test moves by hand; starts at an arbitrary nanoTime-like value. */
final class FakeClock implements LongSupplier {

    private volatile long now = 1_000_000_000_000L;

    @Override
    public long getAsLong() {
        return now;
    }

    void advanceMillis(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    void advanceNanos(long nanos) {
        now += nanos;
    }

    void set(long nanos) {
        now = nanos;
    }
}
