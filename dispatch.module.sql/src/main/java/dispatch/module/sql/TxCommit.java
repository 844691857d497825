package dispatch.module.sql;

import dispatch.api.Command;
import java.util.Objects;

/**
 * Commits a transaction and gives its connection back. The handle is closed afterwards, also
 * when the commit fails (the transaction is then rolled back).
 */
public record TxCommit(TxHandle tx) implements Command<Void> {

    public static final int ID = 110;

    public TxCommit {
        Objects.requireNonNull(tx, "tx");
    }

    @Override
    public int id() {
        return ID;
    }
}
