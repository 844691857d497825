package dispatch.module.sql.internal.values;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list that may hold {@code null} (SQL NULL, a null parameter), over an array
 * nobody else holds. Copying one is free, so a parameter list or a row is copied once on its
 * way into a command or a result, not again each time it is passed on.
 */
public final class ValueList extends AbstractList<Object> implements RandomAccess {

    private static final ValueList EMPTY = new ValueList(new Object[0]);

    private final Object[] values;

    private ValueList(Object[] values) {
        this.values = values;
    }

    /** An unmodifiable copy of {@code values}, or {@code values} itself when it is one. */
    public static ValueList copyOf(Collection<?> values) {
        if (values instanceof ValueList list) {
            return list;
        }
        return values.isEmpty() ? EMPTY : new ValueList(values.toArray());
    }

    /** An unmodifiable copy of the array. */
    public static ValueList copyOf(Object[] values) {
        return values.length == 0 ? EMPTY : new ValueList(values.clone());
    }

    /** An unmodifiable list of unmodifiable rows; nothing is copied that is one already. */
    public static ValueList rowsOf(List<? extends List<?>> rows) {
        Object given = rows; // a List<List<?>> is never statically a ValueList
        if (given instanceof ValueList list && list.allValueLists()) {
            return list;
        }
        Object[] copies = new Object[rows.size()];
        int i = 0;
        for (List<?> row : rows) {
            copies[i++] = copyOf(row);
        }
        return copies.length == 0 ? EMPTY : new ValueList(copies);
    }

    /**
     * A list over {@code values} itself, not a copy: only for an array the caller made and
     * hands over, and never touches again (the rows the engine reads).
     */
    public static ValueList wrap(Object[] values) {
        return values.length == 0 ? EMPTY : new ValueList(values);
    }

    /** {@link #wrap} for an array of rows, each a {@code ValueList} itself. */
    @SuppressWarnings("unchecked") // a list of ValueLists, each a List<Object>
    public static List<List<Object>> wrapRows(Object[] rows) {
        return (List<List<Object>>) (List<?>) wrap(rows);
    }

    private boolean allValueLists() {
        for (Object value : values) {
            if (!(value instanceof ValueList)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object[] toArray() {
        return values.clone();
    }
}
