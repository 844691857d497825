package dispatch.module.sql;

import dispatch.api.Command;
import java.util.List;
import java.util.Objects;

/**
 * Runs a query on a pooled connection of a datasource (outside any transaction) and completes
 * with its rows, or with its first page and a cursor when {@link Options#pageSize()} is set.
 *
 * @param datasource the datasource's name; {@value #DEFAULT_DATASOURCE} is the embedded H2
 *                   database unless configured otherwise
 * @param sql        the SQL text, with a {@code ?} for every parameter
 * @param params     the parameters, bound in order (may hold {@code null})
 * @param options    max rows, pages, timeout
 */
public record Query(String datasource, String sql, List<Object> params, Options options) implements Command<Rows> {

    public static final int ID = 100;
    /** The name of the datasource that exists without any configuration. */
    public static final String DEFAULT_DATASOURCE = "default";

    public Query {
        Objects.requireNonNull(datasource, "datasource");
        Objects.requireNonNull(sql, "sql");
        params = Params.copy(params);
        options = options == null ? Options.DEFAULT : options;
    }

    /** A query on the default datasource. */
    public static Query of(String sql, Object... params) {
        return new Query(DEFAULT_DATASOURCE, sql, Params.of(params), Options.DEFAULT);
    }

    /** A query on the named datasource. */
    public static Query on(String datasource, String sql, Object... params) {
        return new Query(datasource, sql, Params.of(params), Options.DEFAULT);
    }

    public Query with(Options options) {
        return new Query(datasource, sql, params, options);
    }

    @Override
    public int id() {
        return ID;
    }
}
