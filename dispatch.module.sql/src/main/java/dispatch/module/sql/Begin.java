package dispatch.module.sql;

import dispatch.api.Command;
import java.util.Objects;

/**
 * Begins a transaction: takes a pooled connection, turns auto-commit off and sets the isolation
 * level and read-only flag. The connection stays with the transaction until it ends.
 *
 * @param datasource the datasource's name
 * @param isolation  the isolation level
 * @param readOnly   whether the transaction only reads (the database may refuse writes)
 */
public record Begin(String datasource, Isolation isolation, boolean readOnly) implements Command<TxHandle> {

    public static final int ID = 103;

    public Begin {
        Objects.requireNonNull(datasource, "datasource");
        isolation = isolation == null ? Isolation.DEFAULT : isolation;
    }

    /** A read-write transaction with the datasource's isolation level. */
    public static Begin on(String datasource) {
        return new Begin(datasource, Isolation.DEFAULT, false);
    }

    @Override
    public int id() {
        return ID;
    }
}
