package dispatch.module.sql;

import dispatch.api.Command;
import java.util.List;
import java.util.Objects;

/** Runs an update inside a transaction; like {@link Execute}. */
public record TxExecute(TxHandle tx, String sql, List<Object> params, Keys keys, Options options)
        implements Command<ExecuteResult> {

    public static final int ID = 108;

    public TxExecute {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(sql, "sql");
        params = Params.copy(params);
        keys = keys == null ? Keys.NONE : keys;
        options = options == null ? Options.DEFAULT : options;
    }

    public static TxExecute of(TxHandle tx, String sql, Object... params) {
        return new TxExecute(tx, sql, Params.of(params), Keys.NONE, Options.DEFAULT);
    }

    public TxExecute returning(Keys keys) {
        return new TxExecute(tx, sql, params, keys, options);
    }

    @Override
    public int id() {
        return ID;
    }
}
