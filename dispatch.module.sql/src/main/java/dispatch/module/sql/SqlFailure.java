package dispatch.module.sql;

import dispatch.api.DispatchException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;

/**
 * The error result of a sql command: a {@link DispatchException} that also carries the
 * SQLState and the driver's vendor code. Failures the database reports keep the driver's
 * SQLState; failures the module detects itself use the standard SQLState of their kind.
 */
public class SqlFailure extends DispatchException {

    private static final long serialVersionUID = 1L;

    /** The database rejected the statement (syntax, constraint, data, connection ...): see the SQLState. */
    public static final String SQL_ERROR = "sql-error";
    /** No datasource of that name is configured (SQLState {@code 3D000}). */
    public static final String UNKNOWN_DATASOURCE = "unknown-datasource";
    /** The handle was never issued or is closed already (SQLState {@code 25000}, {@code 26000} or {@code 34000}). */
    public static final String UNKNOWN_HANDLE = "unknown-handle";
    /** The result has more rows than the max-rows cap (SQLState {@code 54000}): ask for pages. */
    public static final String TOO_MANY_ROWS = "too-many-rows";

    /** SQLState of an error the module found without a more specific state: general error. */
    public static final String GENERAL_STATE = "HY000";

    private final String sqlState;
    private final int vendorCode;

    public SqlFailure(String code, String sqlState, int vendorCode, String message, Throwable cause) {
        super(code, message, cause);
        this.sqlState = sqlState == null ? GENERAL_STATE : sqlState;
        this.vendorCode = vendorCode;
    }

    public SqlFailure(String code, String sqlState, String message) {
        this(code, sqlState, 0, message, null);
    }

    /**
     * The failure for an exception of the driver: code {@link DispatchException#TIMEOUT} for a
     * statement that ran out of time (SQLState {@code 57014} or a {@link SQLTimeoutException}),
     * otherwise {@link #SQL_ERROR}.
     */
    public static SqlFailure of(SQLException e) {
        String state = e.getSQLState();
        boolean timeout = e instanceof SQLTimeoutException || "57014".equals(state);
        return new SqlFailure(timeout ? TIMEOUT : SQL_ERROR, state, e.getErrorCode(), e.getMessage(), e);
    }

    /** The five-character SQLState, never {@code null} ({@value #GENERAL_STATE} when the driver gave none). */
    public String sqlState() {
        return sqlState;
    }

    /** The driver's vendor-specific error code, 0 when there is none. */
    public int vendorCode() {
        return vendorCode;
    }

    /** Whether the SQLState is of class 23: a unique, foreign key, not-null or check constraint was violated. */
    public boolean isConstraintViolation() {
        return sqlState.startsWith("23");
    }

    /** Whether the SQLState is of class 42: a syntax error or an access rule violation. */
    public boolean isSyntaxError() {
        return sqlState.startsWith("42");
    }

    /**
     * Whether the transaction lost a race with another one and may succeed when tried again:
     * a serialization failure ({@code 40001}) or a deadlock ({@code 40P01}).
     */
    public boolean isRetryable() {
        return "40001".equals(sqlState) || "40P01".equals(sqlState);
    }

    @Override
    public String toString() {
        return code() + " [" + sqlState + (vendorCode != 0 ? "/" + vendorCode : "") + "]: " + getMessage();
    }
}
