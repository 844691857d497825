package dispatch.module.sql;

import dispatch.api.Command;
import java.util.List;
import java.util.Objects;

/**
 * Runs an insert, update, delete or DDL statement on a pooled connection in auto-commit mode
 * and completes with the rows affected and, when asked, the generated keys.
 *
 * @param datasource the datasource's name
 * @param sql        the SQL text, with a {@code ?} for every parameter
 * @param params     the parameters, bound in order
 * @param keys       which generated keys to return
 * @param options    the timeout ({@link Options#maxRows()} bounds the keys returned)
 */
public record Execute(String datasource, String sql, List<Object> params, Keys keys, Options options)
        implements Command<ExecuteResult> {

    public static final int ID = 101;

    public Execute {
        Objects.requireNonNull(datasource, "datasource");
        Objects.requireNonNull(sql, "sql");
        params = Params.copy(params);
        keys = keys == null ? Keys.NONE : keys;
        options = options == null ? Options.DEFAULT : options;
    }

    /** A statement on the default datasource. */
    public static Execute of(String sql, Object... params) {
        return new Execute(Query.DEFAULT_DATASOURCE, sql, Params.of(params), Keys.NONE, Options.DEFAULT);
    }

    /** A statement on the named datasource. */
    public static Execute on(String datasource, String sql, Object... params) {
        return new Execute(datasource, sql, Params.of(params), Keys.NONE, Options.DEFAULT);
    }

    public Execute returning(Keys keys) {
        return new Execute(datasource, sql, params, keys, options);
    }

    public Execute with(Options options) {
        return new Execute(datasource, sql, params, keys, options);
    }

    @Override
    public int id() {
        return ID;
    }
}
