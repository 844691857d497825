package dispatch.module.sql;

import dispatch.api.Command;
import java.util.Objects;

/** Rolls a transaction back and gives its connection back; the handle is closed afterwards. */
public record TxRollback(TxHandle tx) implements Command<Void> {

    public static final int ID = 111;

    public TxRollback {
        Objects.requireNonNull(tx, "tx");
    }

    @Override
    public int id() {
        return ID;
    }
}
