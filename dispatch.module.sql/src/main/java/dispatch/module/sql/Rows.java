package dispatch.module.sql;

import dispatch.module.sql.internal.values.ValueList;
import java.util.List;
import java.util.Objects;

/**
 * The rows of a query result, or one page of them.
 *
 * @param columns the columns, in select order
 * @param rows    the rows; each row holds one value per column, {@code null} for SQL NULL
 * @param cursor  where the next page is, while the result has more rows; {@code null} once it
 *                has been read to the end (or when it was not paged)
 */
public record Rows(List<Column> columns, List<List<Object>> rows, CursorHandle cursor) {

    @SuppressWarnings("unchecked") // a list of ValueLists, each a List<Object>
    public Rows {
        columns = List.copyOf(columns);
        rows = (List<List<Object>>) (List<?>) ValueList.rowsOf(rows);
    }

    /** A result without rows (and without a cursor). */
    public static Rows empty(List<Column> columns) {
        return new Rows(columns, List.of(), null);
    }

    /** The number of rows in this result (or page). */
    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Whether more rows can be fetched through {@link #cursor()}. */
    public boolean hasMore() {
        return cursor != null;
    }

    /** The value at {@code row} and {@code column}, both from 0. */
    public Object get(int row, int column) {
        return rows.get(row).get(column);
    }

    /** The value at {@code row} of the column named {@code column}, ignoring case. */
    public Object get(int row, String column) {
        return rows.get(row).get(indexOf(column));
    }

    /** The index of the column named {@code column}, ignoring case. */
    public int indexOf(String column) {
        Objects.requireNonNull(column, "column");
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + column + " in " + columns);
    }
}
