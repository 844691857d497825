package dispatch.module.store;

import dispatch.api.DispatchException;

/**
 * The error result of a store command. Its {@link #code()} is one of the constants here or
 * {@link DispatchException#INVALID_ARGUMENT} (a null, empty or too long key, a value that is
 * neither a {@code String} nor a {@code byte[]}, a TTL that is not positive or longer than
 * {@link Set#MAX_TTL}, a page size outside 1..{@link ListEntries#MAX_LIMIT}).
 */
public class StoreFailure extends DispatchException {

    private static final long serialVersionUID = 1L;

    /** No store of that name is configured. */
    public static final String UNKNOWN_STORE = "unknown-store";
    /** The key has no entry (or only an expired one) where the command needs one: CompareAndSet. */
    public static final String NOT_FOUND = "not-found";
    /** The value is larger than the store's {@code max.value.bytes}. */
    public static final String TOO_LARGE = "too-large";
    /** A memory store is at its {@code max.entries} or {@code max.bytes}: nothing was evicted to make room. */
    public static final String STORE_FULL = "store-full";
    /** A sql store's datasource is not there or does not answer; nothing was written. */
    public static final String UNAVAILABLE = "store-unavailable";
    /** The module's threads for blocking work are all busy and their queue is full. */
    public static final String OVERLOADED = "overloaded";
    /** The database failed the statement for another reason (see the cause); nothing was written. */
    public static final String STORE_ERROR = "store-error";

    public StoreFailure(String code, String message) {
        super(code, message);
    }

    public StoreFailure(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
