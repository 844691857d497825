package dispatch.module.clock.internal;

import dispatch.api.ResultReceiver;

/**
 * One sleeping yield: wheel entry, completion and cancellation action in a single object
 * (about 56 bytes), which is all the clock keeps per sleeper.
 */
final class SleepTask extends WheelTask implements Runnable {

    private final TimingWheel wheel;
    private final ResultReceiver receiver;
    private final long tag;

    SleepTask(TimingWheel wheel, ResultReceiver receiver, long tag) {
        this.wheel = wheel;
        this.receiver = receiver;
        this.tag = tag;
    }

    @Override
    long expire(long nowNanos) {
        receiver.complete(tag, null);
        return NO_REPEAT;
    }

    @Override
    void abort() {
        receiver.fail(tag, ClockErrors.moduleLeft());
    }

    /** The yield's cancellation action: the sleeper leaves the wheel. */
    @Override
    public void run() {
        wheel.cancel(this);
    }

    @Override
    int kind() {
        return Clock.KIND_SLEEP;
    }
}
