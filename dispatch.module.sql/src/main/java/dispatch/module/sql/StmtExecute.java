package dispatch.module.sql;

import dispatch.api.Command;
import java.util.List;
import java.util.Objects;

/** Runs a prepared update with the given parameters; like {@link Execute}, keys as prepared. */
public record StmtExecute(StatementHandle statement, List<Object> params, Options options)
        implements Command<ExecuteResult> {

    public static final int ID = 105;

    public StmtExecute {
        Objects.requireNonNull(statement, "statement");
        params = Params.copy(params);
        options = options == null ? Options.DEFAULT : options;
    }

    public static StmtExecute of(StatementHandle statement, Object... params) {
        return new StmtExecute(statement, Params.of(params), Options.DEFAULT);
    }

    @Override
    public int id() {
        return ID;
    }
}
