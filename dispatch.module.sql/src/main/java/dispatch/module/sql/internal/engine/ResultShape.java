package dispatch.module.sql.internal.engine;

import dispatch.module.sql.Column;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns of a result and, for each, how its values are read: decided once per result from
 * the metadata, not again for every value.
 */
final class ResultShape {

    enum Reader {
        BOOLEAN, INT, LONG, FLOAT, DOUBLE, DECIMAL, TEXT, BYTES, DATE, TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ, UUID,
        ARRAY, OTHER
    }

    final List<Column> columns;
    final Reader[] readers;

    private ResultShape(List<Column> columns, Reader[] readers) {
        this.columns = columns;
        this.readers = readers;
    }

    static ResultShape of(ResultSetMetaData meta) throws SQLException {
        int count = meta.getColumnCount();
        List<Column> columns = new ArrayList<>(count);
        Reader[] readers = new Reader[count];
        for (int i = 1; i <= count; i++) {
            Column column = new Column(label(meta, i), meta.getColumnType(i), meta.getColumnTypeName(i));
            columns.add(column);
            readers[i - 1] = readerOf(column);
        }
        return new ResultShape(List.copyOf(columns), readers);
    }

    /** Whether {@code meta} describes the same columns (names, types) as this shape. */
    boolean matches(ResultSetMetaData meta) throws SQLException {
        if (meta.getColumnCount() != readers.length) {
            return false;
        }
        for (int i = 1; i <= readers.length; i++) {
            Column column = columns.get(i - 1);
            String typeName = meta.getColumnTypeName(i);
            if (meta.getColumnType(i) != column.sqlType() || !column.name().equals(label(meta, i))
                    || !column.typeName().equals(typeName == null ? "" : typeName)) {
                return false;
            }
        }
        return true;
    }

    private static String label(ResultSetMetaData meta, int column) throws SQLException {
        String label = meta.getColumnLabel(column);
        return label == null || label.isEmpty() ? meta.getColumnName(column) : label;
    }

    static Reader readerOf(Column column) {
        if (column.typeName().equalsIgnoreCase("uuid")) {
            return Reader.UUID;
        }
        return switch (column.sqlType()) {
            case Types.BIT, Types.BOOLEAN -> Reader.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> Reader.INT;
            case Types.BIGINT -> Reader.LONG;
            case Types.REAL -> Reader.FLOAT;
            case Types.FLOAT, Types.DOUBLE -> Reader.DOUBLE;
            case Types.NUMERIC, Types.DECIMAL -> Reader.DECIMAL;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                    Types.CLOB, Types.NCLOB -> Reader.TEXT;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Reader.BYTES;
            case Types.DATE -> Reader.DATE;
            case Types.TIME -> zoned(column) ? Reader.TIME_TZ : Reader.TIME;
            case Types.TIME_WITH_TIMEZONE -> Reader.TIME_TZ;
            case Types.TIMESTAMP -> zoned(column) ? Reader.TIMESTAMP_TZ : Reader.TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Reader.TIMESTAMP_TZ;
            case Types.ARRAY -> Reader.ARRAY;
            default -> Reader.OTHER;
        };
    }

    /** A time type with a zone that the driver reports as plain TIME or TIMESTAMP (PostgreSQL's timetz, timestamptz). */
    private static boolean zoned(Column column) {
        String typeName = column.typeName().toLowerCase(Locale.ROOT);
        return typeName.contains("tz") || typeName.contains("time zone");
    }
}
