package dispatch.module.sql.internal.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shapes of recent query results of one datasource, by SQL text. Describing a result anew
 * (a column object per column, a reader chosen per type) costs an in-memory query by key about
 * a tenth of its time. By default a cached shape is checked against each result's metadata
 * first, so a schema change ({@code SELECT *} after {@code ALTER TABLE}) still gets the right
 * columns; a datasource that does not verify ({@code verify.result.shape=false}) uses a cached
 * shape as it is until DDL runs through the module (the comparison alone costs about 0.1 µs per
 * query on H2 in memory).
 */
final class ShapeCache {

    /** Beyond this many distinct SQL texts the cache starts over: bounded, and cheap to keep so. */
    static final int MAX_ENTRIES = 512;

    private final ConcurrentHashMap<String, ResultShape> shapes = new ConcurrentHashMap<>();
    private final boolean verify;
    /** Counts the drops; a shape described from a result of before a drop is not cached. Guarded by this for writes. */
    private volatile long drops;

    ShapeCache(boolean verify) {
        this.verify = verify;
    }

    /** What to pass to {@link #of} for a statement about to run: the drops so far. */
    long beforeRun() {
        return drops;
    }

    /** The shape of {@code rs}, a result of {@code sql} from a run that started at {@code dropsBefore}. */
    ResultShape of(String sql, ResultSet rs, long dropsBefore) throws SQLException {
        ResultShape cached = shapes.get(sql);
        if (cached != null && (!verify || cached.matches(rs.getMetaData()))) {
            return cached;
        }
        ResultShape fresh = ResultShape.of(rs.getMetaData());
        synchronized (this) {
            if (drops == dropsBefore) { // else DDL ended while this ran: its result may predate it
                if (shapes.size() >= MAX_ENTRIES) {
                    shapes.clear();
                }
                shapes.put(sql, fresh);
            }
        }
        return fresh;
    }

    /**
     * {@code sql} ran as an update. When the shapes are not verified and it may change a schema
     * (DDL), every cached shape goes, since it could outlive the columns it describes.
     *
     * @return whether the shapes were dropped; DDL in a transaction drops them again when it ends
     */
    boolean updated(String sql) {
        if (verify || !mayChangeSchema(sql)) {
            return false;
        }
        dropAll();
        return true;
    }

    /** Drops every cached shape. */
    synchronized void dropAll() {
        drops++;
        shapes.clear();
    }

    static boolean mayChangeSchema(String sql) {
        String start = sql.stripLeading();
        int end = 0;
        while (end < start.length() && Character.isLetter(start.charAt(end))) {
            end++;
        }
        return switch (start.substring(0, end).toUpperCase(Locale.ROOT)) {
            case "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "VALUES", "WITH", "SHOW",
                    "EXPLAIN", "TABLE", "TRUNCATE" -> false;
            default -> true; // CREATE, ALTER, DROP, RENAME, SET (SCHEMA), CALL, a script, anything unknown
        };
    }

    int size() {
        return shapes.size();
    }
}
