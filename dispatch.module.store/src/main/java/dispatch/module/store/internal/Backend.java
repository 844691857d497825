package dispatch.module.store.internal;

import dispatch.module.store.Entry;
import dispatch.module.store.EntryPage;
import dispatch.module.store.WriteResult;
import java.time.Instant;

/**
 * One named store. Every operation gets the wall-clock time in milliseconds ({@code now}) and
 * treats an entry whose expiry is not after it as absent, swept or not. Failures are
 * {@link dispatch.module.store.StoreFailure}s; a failed write leaves the entry as it was.
 */
interface Backend {

    String name();

    /** The largest value, in bytes. */
    int maxValueBytes();

    /** Whether operations block (JDBC): they must then not run on a worker. */
    boolean blocking();

    /** Whether a blocking operation may run on the thread of a process that only waits for it. */
    boolean callerMayRun();

    Entry get(String key, long now);

    Entry set(String key, Value value, long expiresAt, long now);

    boolean delete(String key, long now);

    boolean has(String key, long now);

    EntryPage list(String prefix, String after, int limit, long now);

    WriteResult compareAndSet(String key, long expectedVersion, Value value, long expiresAt, long now);

    WriteResult putIfAbsent(String key, Value value, long expiresAt, long now);

    /** Removes the entries expired at {@code now}. */
    void sweep(long now);

    /** Lets go of what the store holds (a memory store's entries). */
    void close();

    /** An entry as commands see it; {@code expiresAt} {@link Checks#NEVER} reads as none. */
    static Entry entry(String key, Object value, long version, long expiresAt) {
        return new Entry(key, value, version, expiresAt == Checks.NEVER ? null : Instant.ofEpochMilli(expiresAt));
    }
}
