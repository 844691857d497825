package dispatch.module.clock.internal;

import dispatch.api.ProcessRef;

/** A ticker or timer: something with an ID that outlives the yield that started it. */
interface ClockHandle {

    long id();

    /** The process that started it; the only one that may use it. */
    ProcessRef owner();

    /** "ticker" or "timer", for messages. */
    String typeName();

    /**
     * Ends it because its process ended or the module stops; waiting yields get {@code error}
     * (ignored by the runtime when the process ended). Idempotent.
     */
    void end(Throwable error);
}
