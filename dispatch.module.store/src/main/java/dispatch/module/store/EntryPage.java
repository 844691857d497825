package dispatch.module.store;

import java.util.List;

/**
 * One page of a {@link ListEntries}, in key order.
 *
 * @param entries the entries of this page, at most the command's limit
 * @param next    the key to give as {@code after} for the next page, {@code null} after the last page
 */
public record EntryPage(List<Entry> entries, String next) {

    public EntryPage {
        entries = List.copyOf(entries);
    }

    /** Whether more entries follow. */
    public boolean hasMore() {
        return next != null;
    }
}
