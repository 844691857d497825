package dispatch.module.store.internal;

import static dispatch.module.store.internal.StoreHarness.STORE;
import static org.junit.Assert.assertEquals;

import dispatch.module.store.Delete;
import dispatch.module.store.Get;
import dispatch.module.store.Set;
import dispatch.module.store.StoreFailure;
import java.time.Duration;
import org.junit.Before;
import org.junit.Test;

/** The memory backend: the contract, its bounds and its accounting. */
public class MemoryStoreTest extends StoreContract {

    @Override
    protected Backend backend() {
        return new MemoryStore(STORE, new StoreLimits(1000, 1 << 20, 100));
    }

    @Before
    public void start() {
        setUp();
    }

    private MemoryStore bounded(long maxEntries, long maxBytes) throws InterruptedException {
        store.close();
        MemoryStore memory = new MemoryStore(STORE, new StoreLimits(maxEntries, maxBytes, 100));
        store = new StoreHarness(memory);
        return memory;
    }

    @Test
    public void aFullStoreRefusesNewKeysAndEvictsNothing() throws Exception {
        MemoryStore memory = bounded(3, 1000);
        store.call(new Set(STORE, "a", "1"));
        store.call(new Set(STORE, "b", "2"));
        store.call(new Set(STORE, "c", "3"));
        store.fails(StoreFailure.STORE_FULL, "max.entries", new Set(STORE, "d", "4"));
        assertEquals("overwriting needs no room", 2, store.call(new Set(STORE, "a", "1b")).version());
        assertEquals(3, memory.entryCount());
        store.call(new Delete(STORE, "c"));
        store.call(new Set(STORE, "d", "4"));
        assertEquals("1b", store.call(new Get(STORE, "a")).value());
        assertEquals(null, store.call(new Get(STORE, "c")));
    }

    @Test
    public void aStoreFullOfBytesRefusesGrowthButNotShrinking() throws Exception {
        MemoryStore memory = bounded(10, 250);
        store.call(new Set(STORE, "x", new byte[50]));
        store.call(new Set(STORE, "y", new byte[100]));
        assertEquals("keys count too", 152, memory.byteCount());
        store.fails(StoreFailure.STORE_FULL, "max.bytes", new Set(STORE, "z", new byte[99]));
        store.call(new Set(STORE, "z", new byte[48]));
        store.fails(StoreFailure.STORE_FULL, "max.bytes", new Set(STORE, "x", "é".repeat(50)));
        assertEquals("the refused write left it", 50, store.call(new Get(STORE, "x")).bytes().length);
        store.call(new Set(STORE, "y", new byte[1]));
        assertEquals(152 - 99 + 49, memory.byteCount());
        store.call(new Set(STORE, "x", "é".repeat(50)));
        assertEquals(3, memory.entryCount());
    }

    @Test
    public void expiredEntriesLeaveTheAccountsOnReadOrSweep() throws Exception {
        MemoryStore memory = bounded(2, 1000);
        store.call(new Set(STORE, "a", "1", Duration.ofMillis(10)));
        store.call(new Set(STORE, "b", "2", Duration.ofMillis(10)));
        store.advanceMillis(10);
        assertEquals("not swept yet", 2, memory.entryCount());
        assertEquals(null, store.call(new Get(STORE, "a")));
        assertEquals("the read removed it", 1, memory.entryCount());
        memory.sweep(store.now.get());
        assertEquals(0, memory.entryCount());
        assertEquals(0, memory.byteCount());
        store.call(new Set(STORE, "c", "3"));
        store.call(new Set(STORE, "d", "4"));
    }
}
