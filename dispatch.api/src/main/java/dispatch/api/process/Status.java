package dispatch.api.process;

/** What a {@link StepProcess} wants after a step. */
public enum Status {
    /** Run another step soon, even without new events. */
    CONTINUE,
    /** Run the next step when an event arrives. */
    WAIT,
    /** The process has finished normally. Outstanding yields are cancelled. */
    DONE
}
