package dispatch.module.sql.internal.engine;

import dispatch.module.sql.Keys;
import dispatch.module.sql.StatementHandle;

/**
 * A prepared statement outside a transaction: checked once at preparation, then run on any
 * pooled connection (the drivers keep their server-side statements per connection). It holds
 * no connection between uses.
 */
final class PlainStatement extends Resource {

    final String sql;
    final Keys keys;
    final int parameterCount;

    PlainStatement(long id, long owner, Source source, String sql, Keys keys, int parameterCount) {
        super(id, owner, source);
        this.sql = sql;
        this.keys = keys;
        this.parameterCount = parameterCount;
    }

    @Override
    Kind kind() {
        return Kind.STATEMENT;
    }

    StatementHandle handle() {
        return new StatementHandle(id, source.name(), 0);
    }

    @Override
    void close(String why) {
        markClosed();
    }

    @Override
    void closeNow() {
        markClosed();
    }
}
