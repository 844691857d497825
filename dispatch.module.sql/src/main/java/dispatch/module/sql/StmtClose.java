package dispatch.module.sql;

import dispatch.api.Command;
import java.util.Objects;

/** Closes a prepared statement. Closing one that is closed already fails with {@link SqlFailure#UNKNOWN_HANDLE}. */
public record StmtClose(StatementHandle statement) implements Command<Void> {

    public static final int ID = 106;

    public StmtClose {
        Objects.requireNonNull(statement, "statement");
    }

    @Override
    public int id() {
        return ID;
    }
}
