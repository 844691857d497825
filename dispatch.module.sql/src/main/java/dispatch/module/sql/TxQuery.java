package dispatch.module.sql;

import dispatch.api.Command;
import java.util.List;
import java.util.Objects;

/** Runs a query inside a transaction; like {@link Query}. A paged result's cursor closes with the transaction. */
public record TxQuery(TxHandle tx, String sql, List<Object> params, Options options) implements Command<Rows> {

    public static final int ID = 107;

    public TxQuery {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(sql, "sql");
        params = Params.copy(params);
        options = options == null ? Options.DEFAULT : options;
    }

    public static TxQuery of(TxHandle tx, String sql, Object... params) {
        return new TxQuery(tx, sql, Params.of(params), Options.DEFAULT);
    }

    public TxQuery with(Options options) {
        return new TxQuery(tx, sql, params, options);
    }

    @Override
    public int id() {
        return ID;
    }
}
