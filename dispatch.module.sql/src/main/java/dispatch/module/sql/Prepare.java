package dispatch.module.sql;

import dispatch.api.Command;
import java.util.Objects;

/**
 * Prepares a statement for repeated use with {@link StmtQuery} and {@link StmtExecute}. The SQL
 * is checked (and its parameters counted) at once, so a syntax error fails here.
 *
 * @param datasource the datasource's name
 * @param sql        the SQL text
 * @param keys       the generated keys {@link StmtExecute} returns
 */
public record Prepare(String datasource, String sql, Keys keys) implements Command<StatementHandle> {

    public static final int ID = 102;

    public Prepare {
        Objects.requireNonNull(datasource, "datasource");
        Objects.requireNonNull(sql, "sql");
        keys = keys == null ? Keys.NONE : keys;
    }

    public static Prepare on(String datasource, String sql) {
        return new Prepare(datasource, sql, Keys.NONE);
    }

    public Prepare returning(Keys keys) {
        return new Prepare(datasource, sql, keys);
    }

    @Override
    public int id() {
        return ID;
    }
}
