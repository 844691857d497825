package dispatch.api.process;

import dispatch.api.DispatchException;

/**
 * The result of one yield of {@link ProcessContext#callAll}: a value or an error.
 *
 * @param value the value of a success
 * @param error the failure, or {@code null} for a success
 */
public record Outcome<R>(R value, Throwable error) {

    public boolean succeeded() {
        return error == null;
    }

    /** The value, or the error thrown as in {@link ProcessContext#call}. */
    public R get() {
        if (error == null) {
            return value;
        }
        if (error instanceof DispatchException dispatchError) {
            throw dispatchError;
        }
        throw new DispatchException(DispatchException.HANDLER_FAILED, String.valueOf(error.getMessage()), error);
    }
}
