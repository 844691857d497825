package dispatch.module.sql;

import java.time.Duration;
import java.util.Objects;

/**
 * How a statement runs. Zero means "the datasource's setting" for every field.
 *
 * @param maxRows  the most rows a query may return; more fail with {@link SqlFailure#TOO_MANY_ROWS}
 * @param pageSize when positive, the query returns pages of at most this many rows and a
 *                 cursor for the rest (see the package documentation)
 * @param timeout  the statement's query timeout ({@link Duration#ZERO}: the datasource's); a
 *                 statement that runs longer fails with code {@code timeout} and SQLState
 *                 {@code 57014}. The yield's own deadline, when it has one, also bounds it.
 */
public record Options(int maxRows, int pageSize, Duration timeout) {

    /** The datasource's settings, no pages. */
    public static final Options DEFAULT = new Options(0, 0, Duration.ZERO);

    public Options {
        Objects.requireNonNull(timeout, "timeout");
        if (maxRows < 0 || pageSize < 0 || timeout.isNegative()) {
            throw new IllegalArgumentException("negative option: maxRows " + maxRows + ", pageSize " + pageSize
                    + ", timeout " + timeout);
        }
    }

    /** Pages of {@code pageSize} rows. */
    public static Options paged(int pageSize) {
        if (pageSize <= 0) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        return new Options(0, pageSize, Duration.ZERO);
    }

    public Options withMaxRows(int maxRows) {
        return new Options(maxRows, pageSize, timeout);
    }

    public Options withPageSize(int pageSize) {
        return new Options(maxRows, pageSize, timeout);
    }

    public Options withTimeout(Duration timeout) {
        return new Options(maxRows, pageSize, timeout);
    }
}
