package dispatch.module.sql;

import dispatch.api.Command;
import java.util.Objects;

/** Prepares a statement on a transaction's connection; it closes with the transaction. */
public record TxPrepare(TxHandle tx, String sql, Keys keys) implements Command<StatementHandle> {

    public static final int ID = 109;

    public TxPrepare {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(sql, "sql");
        keys = keys == null ? Keys.NONE : keys;
    }

    public static TxPrepare of(TxHandle tx, String sql) {
        return new TxPrepare(tx, sql, Keys.NONE);
    }

    @Override
    public int id() {
        return ID;
    }
}
