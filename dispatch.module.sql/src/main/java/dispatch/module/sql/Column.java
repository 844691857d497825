package dispatch.module.sql;

import java.sql.JDBCType;
import java.util.Objects;

/**
 * One column of a result.
 *
 * <p>Values are mapped by SQL type: {@code BOOLEAN}/{@code BIT} to {@code Boolean};
 * {@code TINYINT}, {@code SMALLINT}, {@code INTEGER} to {@code Integer}; {@code BIGINT} to
 * {@code Long}; {@code REAL} to {@code Float}; {@code FLOAT}, {@code DOUBLE} to {@code Double};
 * {@code NUMERIC}, {@code DECIMAL} to {@code BigDecimal}; character types and CLOBs to
 * {@code String}; binary types and BLOBs to {@code byte[]}; {@code DATE} to {@code LocalDate};
 * {@code TIME} to {@code LocalTime} ({@code OffsetTime} with a time zone); {@code TIMESTAMP} to
 * {@code LocalDateTime} ({@code OffsetDateTime} with a time zone); UUID columns to {@code UUID};
 * arrays to {@code List}; SQL {@code NULL} to {@code null}; anything else to the driver's value
 * when it is a JDK type, otherwise to its text.
 *
 * @param name     the column's label (its alias when it has one), as the database spells it
 *                 (H2 upper-cases unquoted names, PostgreSQL lower-cases them)
 * @param sqlType  the SQL type, a constant of {@link java.sql.Types}
 * @param typeName the database's own name of the type, e.g. {@code INTEGER}, {@code int4}
 */
public record Column(String name, int sqlType, String typeName) {

    public Column {
        Objects.requireNonNull(name, "name");
        typeName = typeName == null ? "" : typeName;
    }

    /** The SQL type as a {@link JDBCType}, {@link JDBCType#OTHER} for a vendor type. */
    public JDBCType jdbcType() {
        try {
            return JDBCType.valueOf(sqlType);
        } catch (IllegalArgumentException e) {
            return JDBCType.OTHER;
        }
    }
}
