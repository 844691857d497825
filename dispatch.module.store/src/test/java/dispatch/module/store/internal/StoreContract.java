package dispatch.module.store.internal;

import static dispatch.module.store.internal.StoreHarness.STORE;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dispatch.api.DispatchException;
import dispatch.module.store.CompareAndSet;
import dispatch.module.store.Delete;
import dispatch.module.store.Entry;
import dispatch.module.store.EntryPage;
import dispatch.module.store.Get;
import dispatch.module.store.Has;
import dispatch.module.store.ListEntries;
import dispatch.module.store.PutIfAbsent;
import dispatch.module.store.Set;
import dispatch.module.store.StoreFailure;
import dispatch.module.store.WriteResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/** What every backend must do, through the handlers: each backend's test runs all of it. */
public abstract class StoreContract {

    protected StoreHarness store;

    protected abstract Backend backend();

    protected void setUp() {
        store = new StoreHarness(backend());
    }

    @After
    public void closeHarness() throws Exception {
        store.close();
    }

    @Test
    public void writesAndReadsStringsAndBytesWithVersions() {
        Entry first = store.call(new Set(STORE, "greeting", "grüß dich"));
        assertEquals(1, first.version());
        assertNull(first.expiresAt());
        assertEquals(2, store.call(new Set(STORE, "greeting", "hallo")).version());
        Entry read = store.call(new Get(STORE, "greeting"));
        assertEquals("hallo", read.value());
        assertEquals(2, read.version());

        byte[] bytes = {1, 2, 3};
        store.call(new Set(STORE, "raw", bytes));
        bytes[0] = 9; // the store took a copy
        Entry raw = store.call(new Get(STORE, "raw"));
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) raw.value());
        ((byte[]) raw.value())[1] = 9; // and hands out copies
        assertArrayEquals(new byte[] {1, 2, 3}, store.call(new Get(STORE, "raw")).bytes());

        assertNull(store.call(new Get(STORE, "missing")));
        assertTrue(store.call(new Has(STORE, "raw")));
        assertFalse(store.call(new Has(STORE, "missing")));
    }

    @Test
    public void deleteSaysWhetherThereWasAnEntryAndTheKeyStartsOverAtVersionOne() {
        store.call(new Set(STORE, "k", "a"));
        store.call(new Set(STORE, "k", "b"));
        assertTrue(store.call(new Delete(STORE, "k")));
        assertFalse(store.call(new Delete(STORE, "k")));
        assertNull(store.call(new Get(STORE, "k")));
        assertEquals(1, store.call(new Set(STORE, "k", "c")).version());
    }

    @Test
    public void compareAndSetWritesOnlyOnItsVersion() {
        store.call(new Set(STORE, "n", "0"));
        WriteResult swapped = store.call(new CompareAndSet(STORE, "n", 1, "1"));
        assertTrue(swapped.written());
        assertEquals(2, swapped.entry().version());
        WriteResult stale = store.call(new CompareAndSet(STORE, "n", 1, "stale"));
        assertFalse(stale.written());
        assertEquals("1", stale.entry().value());
        assertEquals(2, stale.entry().version());
        assertEquals("1", store.call(new Get(STORE, "n")).value());
        store.fails(StoreFailure.NOT_FOUND, "PutIfAbsent", new CompareAndSet(STORE, "none", 1, "x"));
        assertNull("a refused compare-and-set writes nothing", store.call(new Get(STORE, "none")));
    }

    @Test
    public void putIfAbsentWritesOnce() {
        WriteResult first = store.call(new PutIfAbsent(STORE, "once", "first"));
        assertTrue(first.written());
        assertEquals(1, first.entry().version());
        WriteResult second = store.call(new PutIfAbsent(STORE, "once", "second"));
        assertFalse(second.written());
        assertEquals("first", second.entry().value());
        assertEquals("first", store.call(new Get(STORE, "once")).value());
    }

    @Test
    public void expiredEntriesAreNeverReturnedSweptOrNot() {
        Entry entry = store.call(new Set(STORE, "t:short", "x", Duration.ofMillis(100)));
        assertEquals(Instant.ofEpochMilli(store.now.get() + 100), entry.expiresAt());
        store.call(new Set(STORE, "t:long", "y", Duration.ofMinutes(1)));
        store.advanceMillis(99);
        assertEquals("x", store.call(new Get(STORE, "t:short")).value());
        store.advanceMillis(1);
        assertNull(store.call(new Get(STORE, "t:short")));
        assertFalse(store.call(new Has(STORE, "t:short")));
        assertEquals(List.of("t:long"), keys(store.call(ListEntries.first(STORE, "t:", 10))));
        assertFalse(store.call(new Delete(STORE, "t:short")));
        store.fails(StoreFailure.NOT_FOUND, "t:short", new CompareAndSet(STORE, "t:short", 1, "z"));
        WriteResult again = store.call(new PutIfAbsent(STORE, "t:short", "new"));
        assertTrue("an expired entry counts as none", again.written());
        assertEquals(1, again.entry().version());
    }

    @Test
    public void anExpiredEntryThatIsSetAgainStartsAtVersionOne() {
        store.call(new Set(STORE, "v", "a", Duration.ofMillis(10)));
        store.call(new Set(STORE, "v", "b", Duration.ofMillis(10)));
        store.advanceMillis(10);
        assertEquals(1, store.call(new Set(STORE, "v", "c")).version());
    }

    @Test
    public void theSweepRemovesExpiredEntries() {
        store.call(new Set(STORE, "gone", "x", Duration.ofMillis(5)));
        store.call(new Set(STORE, "kept", "y"));
        store.advanceMillis(5);
        store.stores.get(STORE).sweep(store.now.get());
        store.advanceMillis(-5); // back before the expiry: a swept entry stays gone
        assertNull(store.call(new Get(STORE, "gone")));
        assertEquals("y", store.call(new Get(STORE, "kept")).value());
    }

    @Test
    public void listsByPrefixInKeyOrderOnePageAtATime() {
        for (String key : List.of("a/3", "a/1", "b/1", "a/2", "a/5", "a/4", "a%x", "a_y", "a")) {
            store.call(new Set(STORE, key, key.toUpperCase()));
        }
        List<String> seen = new ArrayList<>();
        ListEntries list = ListEntries.first(STORE, "a/", 2);
        int pages = 0;
        while (list != null) {
            EntryPage page = store.call(list);
            seen.addAll(keys(page));
            pages++;
            list = list.next(page);
        }
        assertEquals(List.of("a/1", "a/2", "a/3", "a/4", "a/5"), seen);
        assertEquals(3, pages);
        assertEquals("A/1", store.call(ListEntries.first(STORE, "a/", 1)).entries().get(0).value());
        assertEquals("wildcards in a prefix are plain characters", List.of("a%x"),
                keys(store.call(ListEntries.first(STORE, "a%", 10))));
        assertEquals(List.of("a_y"), keys(store.call(ListEntries.first(STORE, "a_", 10))));
        assertEquals(9, store.call(ListEntries.first(STORE, "", 100)).entries().size());
        EntryPage exact = store.call(ListEntries.first(STORE, "b/", 1));
        assertFalse("a full last page says it is the last", exact.hasMore());
    }

    @Test
    public void badInputFailsItsYieldWithACodeAndWritesNothing() {
        store.call(new Set(STORE, "k", "kept"));
        store.fails(StoreFailure.UNKNOWN_STORE, "no store 'nope'", new Get("nope", "k"));
        store.fails(DispatchException.INVALID_ARGUMENT, "store name", new Get(null, "k"));
        store.fails(DispatchException.INVALID_ARGUMENT, "key is missing", new Get(STORE, null));
        store.fails(DispatchException.INVALID_ARGUMENT, "key is missing", new Set(STORE, "", "x"));
        store.fails(DispatchException.INVALID_ARGUMENT, "more than 512", new Has(STORE, "k".repeat(513)));
        store.fails(DispatchException.INVALID_ARGUMENT, "java.lang.Integer", new Set(STORE, "k", 42));
        store.fails(DispatchException.INVALID_ARGUMENT, "got null", new CompareAndSet(STORE, "k", 1, null));
        store.fails(DispatchException.INVALID_ARGUMENT, "positive", new Set(STORE, "k", "x", Duration.ofSeconds(-1)));
        store.fails(DispatchException.INVALID_ARGUMENT, "positive", new PutIfAbsent(STORE, "k2", "x", Duration.ZERO));
        store.fails(DispatchException.INVALID_ARGUMENT, "365 days", new Set(STORE, "k", "x", Duration.ofDays(400)));
        store.fails(DispatchException.INVALID_ARGUMENT, "1 to 1000", ListEntries.first(STORE, "", 0));
        store.fails(DispatchException.INVALID_ARGUMENT, "1 to 1000", ListEntries.first(STORE, "", 1001));
        store.fails(DispatchException.INVALID_ARGUMENT, "prefix", ListEntries.first(STORE, null, 1));
        int cap = store.stores.get(STORE).maxValueBytes();
        store.fails(StoreFailure.TOO_LARGE, "max.value.bytes", new Set(STORE, "k", new byte[cap + 1]));
        store.fails(StoreFailure.TOO_LARGE, "max.value.bytes", new Set(STORE, "k", "é".repeat(cap / 2 + 1)));
        Entry kept = store.call(new Get(STORE, "k"));
        assertEquals("kept", kept.value());
        assertEquals(1, kept.version());
        assertFalse(store.call(new Has(STORE, "k2")));
        assertEquals(cap, store.call(new Set(STORE, "big", new byte[cap])).bytes().length);
    }

    /**
     * Many concurrent read-increment-compare-and-set loops on one key end with the exact count:
     * no update is lost and none counts twice.
     */
    @Test
    public void concurrentCompareAndSetIncrementsLoseNothing() throws Exception {
        int writers = 200;
        int increments = 5;
        store.call(new Set(STORE, "counter", "0"));
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Integer>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(CompletableFuture.supplyAsync(() -> increment(increments), threads));
            }
            int retries = 0;
            for (CompletableFuture<Integer> writer : done) {
                retries += writer.get(60, TimeUnit.SECONDS);
            }
            Entry counter = store.call(new Get(STORE, "counter"));
            assertEquals("retries " + retries, String.valueOf(writers * increments), counter.value());
            assertEquals(1 + writers * increments, counter.version());
        } finally {
            threads.shutdownNow();
        }
    }

    /** Increments the counter {@code times}; returns how often a compare-and-set lost. */
    private int increment(int times) {
        int lost = 0;
        Entry current = store.call(new Get(STORE, "counter"));
        for (int i = 0; i < times; ) {
            String next = String.valueOf(Integer.parseInt(current.string()) + 1);
            WriteResult result = store.call(new CompareAndSet(STORE, "counter", current.version(), next));
            current = result.entry();
            if (result.written()) {
                i++;
            } else {
                lost++;
            }
        }
        return lost;
    }

    static List<String> keys(EntryPage page) {
        return page.entries().stream().map(Entry::key).toList();
    }
}
