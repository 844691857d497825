package dispatch.api.process;

/**
 * Thrown from the blocking calls of a {@link ProcessContext} whose process was terminated or
 * whose runtime stopped. Let it propagate: the process is over.
 */
public class ProcessEndedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ExitReason reason;

    public ProcessEndedException(ExitReason reason) {
        super(reason.toString(), null, false, false);
        this.reason = reason;
    }

    public ExitReason reason() {
        return reason;
    }
}
