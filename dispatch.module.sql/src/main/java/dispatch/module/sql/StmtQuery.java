package dispatch.module.sql;

import dispatch.api.Command;
import java.util.List;
import java.util.Objects;

/** Runs a prepared query with the given parameters; like {@link Query}. */
public record StmtQuery(StatementHandle statement, List<Object> params, Options options) implements Command<Rows> {

    public static final int ID = 104;

    public StmtQuery {
        Objects.requireNonNull(statement, "statement");
        params = Params.copy(params);
        options = options == null ? Options.DEFAULT : options;
    }

    public static StmtQuery of(StatementHandle statement, Object... params) {
        return new StmtQuery(statement, Params.of(params), Options.DEFAULT);
    }

    public StmtQuery with(Options options) {
        return new StmtQuery(statement, params, options);
    }

    @Override
    public int id() {
        return ID;
    }
}
