package dispatch.module.sql.internal.engine;

import dispatch.module.sql.Keys;
import dispatch.module.sql.SqlFailure;
import dispatch.module.sql.StatementHandle;
import java.sql.PreparedStatement;

/** A statement prepared on a transaction's connection; it closes with the transaction. */
final class TxStatement extends Resource {

    final Tx tx;
    final PreparedStatement statement;
    final String sql;
    final Keys keys;
    final int parameterCount;

    TxStatement(long id, Tx tx, PreparedStatement statement, String sql, Keys keys, int parameterCount) {
        super(id, tx.owner, tx.source);
        this.tx = tx;
        this.statement = statement;
        this.sql = sql;
        this.keys = keys;
        this.parameterCount = parameterCount;
    }

    @Override
    Kind kind() {
        return Kind.STATEMENT;
    }

    StatementHandle handle() {
        return new StatementHandle(id, source.name(), tx.id);
    }

    void checkOpen() {
        if (!isOpen()) {
            throw new SqlFailure(SqlFailure.UNKNOWN_HANDLE, Kind.STATEMENT.unknownState, this + " is closed");
        }
        tx.checkOpen();
    }

    @Override
    void close(String why) {
        closeOn(tx.lane);
    }

    @Override
    void closeNow() {
        if (markClosed()) {
            Jdbc.closeQuietly(statement);
            tx.release(this);
        }
    }
}
