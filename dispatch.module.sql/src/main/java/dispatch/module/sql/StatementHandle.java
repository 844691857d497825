package dispatch.module.sql;

import java.util.Objects;

/**
 * A prepared statement, from {@link Prepare} or {@link TxPrepare}. Only the process that
 * prepared it may use it. One from {@link Prepare} takes a pooled connection only while it runs
 * (the drivers keep the server-side statement per connection); one from {@link TxPrepare} is
 * prepared once on the transaction's connection and closes with the transaction.
 *
 * @param id         the handle's number, unique for the life of the module
 * @param datasource the datasource it runs on
 * @param txId       the transaction it belongs to, 0 for none
 */
public record StatementHandle(long id, String datasource, long txId) {

    public StatementHandle {
        Objects.requireNonNull(datasource, "datasource");
    }

    /** Whether the statement runs inside a transaction. */
    public boolean inTransaction() {
        return txId != 0;
    }

    @Override
    public String toString() {
        return "stmt#" + id + "@" + datasource + (txId != 0 ? " in tx#" + txId : "");
    }
}
