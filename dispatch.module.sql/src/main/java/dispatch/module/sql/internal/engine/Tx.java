package dispatch.module.sql.internal.engine;

import dispatch.module.sql.SqlFailure;
import dispatch.module.sql.TxHandle;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An open transaction: a borrowed connection with auto-commit off, and the statements and cursors on it. */
final class Tx extends Resource {

    final Connection connection;
    final Lane lane;
    private final Set<Resource> children = ConcurrentHashMap.newKeySet();
    /** Whether DDL ran in it on a datasource that does not verify result shapes: they go again when it ends. */
    private volatile boolean droppedShapes;

    Tx(long id, long owner, Source source, Connection connection) {
        super(id, owner, source);
        this.connection = connection;
        this.lane = source.lane();
    }

    @Override
    Kind kind() {
        return Kind.TX;
    }

    TxHandle handle() {
        return new TxHandle(id, source.name());
    }

    /** Fails unless the transaction is still open (it may have ended while a command waited in the lane). */
    void checkOpen() {
        if (!isOpen()) {
            throw new SqlFailure(SqlFailure.UNKNOWN_HANDLE, Kind.TX.unknownState, this + " is closed");
        }
    }

    /** {@code sql} ran as an update in this transaction. */
    void updated(String sql) {
        if (source.shapes.updated(sql)) {
            droppedShapes = true;
        }
    }

    /** The schema may differ once this ends (committed, or rolled back where DDL is transactional). */
    private void ended() {
        if (droppedShapes) {
            source.shapes.dropAll();
        }
    }

    void adopt(Resource child) {
        children.add(child);
    }

    void release(Resource child) {
        children.remove(child);
    }

    /**
     * Commits or rolls back, on the lane, and gives the connection back. The handle is closed
     * afterwards whatever happens; a failed commit is rolled back.
     */
    void end(boolean commit) throws SQLException {
        if (!markClosed()) {
            checkOpen();
        }
        closeChildren();
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            Jdbc.rollbackQuietly(connection);
            throw e;
        } finally {
            source.giveBack(connection);
            ended();
        }
    }

    @Override
    void close(String why) {
        closeOn(lane);
    }

    @Override
    void closeNow() {
        if (markClosed()) {
            closeChildren();
            Jdbc.rollbackQuietly(connection);
            source.giveBack(connection);
            ended();
        }
    }

    private void closeChildren() {
        for (Resource child : new ArrayList<>(children)) {
            child.closeNow();
        }
        children.clear();
    }
}
