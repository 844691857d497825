package dispatch.module.sql;

import java.util.Objects;

/**
 * An open transaction, from {@link Begin}. It holds one pooled connection until
 * {@link TxCommit} or {@link TxRollback}, or until its process ends (rolled back then). Only
 * the process that began it may use it.
 *
 * @param id         the handle's number, unique for the life of the module
 * @param datasource the datasource it runs on
 */
public record TxHandle(long id, String datasource) {

    public TxHandle {
        Objects.requireNonNull(datasource, "datasource");
    }

    @Override
    public String toString() {
        return "tx#" + id + "@" + datasource;
    }
}
