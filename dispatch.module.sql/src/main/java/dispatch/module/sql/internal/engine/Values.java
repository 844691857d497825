package dispatch.module.sql.internal.engine;

import dispatch.api.DispatchException;
import dispatch.module.sql.Column;
import dispatch.module.sql.SqlFailure;
import dispatch.module.sql.internal.values.ValueList;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** Binds parameters and maps column values to Java values (see {@link Column} for the mapping). */
final class Values {

    /** SQLState of a parameter of a type that cannot be bound. */
    static final String BAD_TYPE_STATE = "07006";
    /** SQLState of a parameter count that does not match the statement's. */
    static final String BAD_COUNT_STATE = "07001";

    private Values() {
    }

    /** Fails unless every parameter has a type that can be bound. */
    static void check(List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            if (value != null && !bindable(value)) {
                throw new SqlFailure(DispatchException.INVALID_ARGUMENT, BAD_TYPE_STATE,
                        "parameter " + (i + 1) + " has a type that cannot be bound: " + value.getClass().getName());
            }
        }
    }

    /** Fails unless {@code params} has {@code expected} parameters ({@code expected < 0}: unknown, not checked). */
    static void checkCount(List<Object> params, int expected) {
        if (expected >= 0 && params.size() != expected) {
            throw new SqlFailure(DispatchException.INVALID_ARGUMENT, BAD_COUNT_STATE,
                    "the statement has " + expected + " parameter(s), the command gave " + params.size());
        }
    }

    private static boolean bindable(Object value) {
        return value instanceof Number || value instanceof Boolean || value instanceof CharSequence
                || value instanceof Character || value instanceof byte[] || value instanceof UUID
                || value instanceof Enum<?> || value instanceof Temporal || value instanceof java.util.Date;
    }

    /**
     * Binds {@code params} to {@code statement}. {@code clearFirst} clears the parameters of the
     * statement's last run first, for a reused statement that may hold some this run leaves unset.
     */
    static void bind(PreparedStatement statement, List<Object> params, boolean clearFirst) throws SQLException {
        if (clearFirst) {
            statement.clearParameters();
        }
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            int index = i + 1;
            // the common types through their own setters: setObject makes the driver find the type again
            if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof Long number) {
                statement.setLong(index, number);
            } else if (value instanceof String text) {
                statement.setString(index, text);
            } else if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof byte[] bytes) {
                statement.setBytes(index, bytes);
            } else if (value instanceof BigInteger big) {
                statement.setBigDecimal(index, new BigDecimal(big));
            } else if (value instanceof Character || value instanceof CharSequence) {
                statement.setString(index, value.toString());
            } else if (value instanceof Enum<?> constant) {
                statement.setString(index, constant.name());
            } else if (value instanceof Instant instant) {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                statement.setObject(index, value);
            }
        }
    }

    /** The current row, one value per column. */
    static List<Object> row(ResultSet rs, ResultShape shape) throws SQLException {
        ResultShape.Reader[] readers = shape.readers;
        Object[] values = new Object[readers.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = read(rs, i + 1, readers[i]);
        }
        return ValueList.wrap(values);
    }

    static Object read(ResultSet rs, int index, ResultShape.Reader reader) throws SQLException {
        // only a primitive getter needs wasNull(); the others return null for SQL NULL themselves
        return switch (reader) {
            case BOOLEAN -> nullable(rs, rs.getBoolean(index));
            case INT -> nullable(rs, rs.getInt(index));
            case LONG -> nullable(rs, rs.getLong(index));
            case FLOAT -> nullable(rs, rs.getFloat(index));
            case DOUBLE -> nullable(rs, rs.getDouble(index));
            case DECIMAL -> rs.getBigDecimal(index);
            case TEXT -> rs.getString(index);
            case BYTES -> rs.getBytes(index);
            case DATE -> rs.getObject(index, LocalDate.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case TIME_TZ -> rs.getObject(index, OffsetTime.class);
            case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            case TIMESTAMP_TZ -> rs.getObject(index, OffsetDateTime.class);
            case UUID -> rs.getObject(index, UUID.class);
            case ARRAY -> array(rs.getArray(index));
            case OTHER -> other(rs, index);
        };
    }

    /** The value a primitive getter read, or {@code null} when the column was SQL NULL. */
    private static Object nullable(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    private static Object array(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        try {
            Object elements = array.getArray();
            if (elements instanceof Object[] objects) {
                return Collections.unmodifiableList(Arrays.asList(objects.clone()));
            }
            return elements;
        } finally {
            array.free();
        }
    }

    /** A vendor type: the driver's value when it is a plain JDK value, else its text. */
    private static Object other(ResultSet rs, int index) throws SQLException {
        Object value = rs.getObject(index);
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String
                || value instanceof byte[] || value instanceof UUID || value instanceof Temporal) {
            return value;
        }
        return rs.getString(index);
    }
}
