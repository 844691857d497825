package dispatch.module.store;

import dispatch.api.Command;

/**
 * Lists the entries whose keys start with {@code prefix}, in key order (Java's {@link String}
 * order, also on the sql backend), one page at a time: the seed's List. Expired entries are left out.
 *
 * @param store  the store's name
 * @param prefix the keys' prefix; empty for all
 * @param after  only keys after this one: {@code null} for the first page, then {@link EntryPage#next()}
 * @param limit  the page size, 1 to {@link #MAX_LIMIT}
 */
public record ListEntries(String store, String prefix, String after, int limit) implements Command<EntryPage> {

    public static final int ID = 124;

    /** The largest page. */
    public static final int MAX_LIMIT = 1000;

    /** The first page of up to {@code limit} entries under {@code prefix}. */
    public static ListEntries first(String store, String prefix, int limit) {
        return new ListEntries(store, prefix, null, limit);
    }

    /** The page after {@code page}, or {@code null} when it was the last. */
    public ListEntries next(EntryPage page) {
        return page.hasMore() ? new ListEntries(store, prefix, page.next(), limit) : null;
    }

    @Override
    public int id() {
        return ID;
    }
}
