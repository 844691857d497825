package dispatch.example.kv.internal;

import dispatch.api.DispatchException;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** The store behind the handlers: a sorted concurrent map with limits. */
final class KvStore {

    private final ConcurrentSkipListMap<String, String> entries = new ConcurrentSkipListMap<>();
    private final int maxEntries;
    private final int maxLength;

    KvStore(int maxEntries, int maxLength) {
        this.maxEntries = maxEntries;
        this.maxLength = maxLength;
    }

    String put(String key, String value) {
        check("key", key);
        check("value", value);
        if (!entries.containsKey(key) && entries.size() >= maxEntries) {
            throw new DispatchException(DispatchException.INVALID_ARGUMENT,
                    "the store is full (" + maxEntries + " entries); delete some first");
        }
        return entries.put(key, value);
    }

    String get(String key) {
        check("key", key);
        return entries.get(key);
    }

    boolean delete(String key) {
        check("key", key);
        return entries.remove(key) != null;
    }

    List<String> keys(String prefix) {
        String from = prefix == null ? "" : prefix;
        return entries.navigableKeySet().tailSet(from).stream().takeWhile(key -> key.startsWith(from)).toList();
    }

    private void check(String what, String text) {
        if (text == null) {
            throw new DispatchException(DispatchException.INVALID_ARGUMENT, what + " must not be null");
        }
        if (text.length() > maxLength) {
            throw new DispatchException(DispatchException.INVALID_ARGUMENT,
                    what + " is " + text.length() + " characters long; the limit is " + maxLength);
        }
    }
}
