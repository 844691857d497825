package dispatch.module.sql.internal.engine;

import dispatch.module.sql.CursorHandle;
import dispatch.module.sql.Rows;
import dispatch.module.sql.SqlFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * An open result read page by page. Outside a transaction it holds its own connection (with
 * auto-commit off, so that PostgreSQL streams the rows through a portal); inside one it lives
 * on the transaction's connection. Either way it runs on a lane, one page at a time.
 */
final class Cursor extends Resource {

    final Lane lane;
    private final Tx tx;
    private final Connection ownConnection;
    private final PreparedStatement statement;
    private final int pageSize;
    private ResultSet rs;
    private ResultShape shape;
    /** Whether {@link #rs} stands on a row no page has returned yet. */
    private boolean pending;

    private Cursor(long id, long owner, Source source, Tx tx, Connection ownConnection, PreparedStatement statement,
            int pageSize) {
        super(id, owner, source);
        this.tx = tx;
        this.ownConnection = ownConnection;
        this.statement = statement;
        this.pageSize = pageSize;
        this.lane = tx != null ? tx.lane : source.lane();
    }

    /** A cursor that owns {@code connection} (borrowed for it) and will give it back. */
    static Cursor owning(long id, long owner, Source source, Connection connection, PreparedStatement statement,
            int pageSize) {
        return new Cursor(id, owner, source, null, connection, statement, pageSize);
    }

    /** A cursor on a transaction's connection. */
    static Cursor inTx(long id, Tx tx, PreparedStatement statement, int pageSize) {
        return new Cursor(id, tx.owner, tx.source, tx, null, statement, pageSize);
    }

    @Override
    Kind kind() {
        return Kind.CURSOR;
    }

    PreparedStatement statement() {
        return statement;
    }

    void checkOpen() {
        if (!isOpen()) {
            throw new SqlFailure(SqlFailure.UNKNOWN_HANDLE, Kind.CURSOR.unknownState, this + " is closed");
        }
        if (tx != null) {
            tx.checkOpen();
        }
    }

    /** Runs the query; the caller bound the parameters and set the timeout. */
    void open(Job job) throws SQLException {
        statement.setFetchSize(pageSize);
        job.running(statement);
        try {
            rs = statement.executeQuery();
        } finally {
            job.idle();
        }
        shape = ResultShape.of(rs.getMetaData());
    }

    /**
     * Reads the next page. When it is the last one the cursor closes itself and the page
     * carries no cursor; otherwise it carries this cursor's handle.
     */
    Rows page(Job job) throws SQLException {
        List<List<Object>> rows = new ArrayList<>(Math.min(pageSize, 1024));
        job.running(statement);
        try {
            boolean more = pending || rs.next();
            while (more && rows.size() < pageSize) {
                rows.add(Values.row(rs, shape));
                more = rs.next();
            }
            pending = more;
        } finally {
            job.idle();
        }
        if (!pending) {
            closeNow();
            return new Rows(shape.columns, rows, null);
        }
        return new Rows(shape.columns, rows, new CursorHandle(id, pageSize));
    }

    @Override
    void close(String why) {
        closeOn(lane);
    }

    @Override
    void closeNow() {
        if (!markClosed()) {
            return;
        }
        Jdbc.closeQuietly(rs);
        Jdbc.closeQuietly(statement);
        if (tx != null) {
            tx.release(this);
        } else {
            try {
                ownConnection.commit();
            } catch (SQLException | RuntimeException e) {
                Jdbc.rollbackQuietly(ownConnection);
            }
            source.giveBack(ownConnection);
        }
    }
}
