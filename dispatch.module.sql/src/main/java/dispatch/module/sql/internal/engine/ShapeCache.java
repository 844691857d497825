package dispatch.module.sql.internal.engine;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shapes of recent query results of one datasource, by SQL text. Describing a result anew
 * (a column object per column, a reader chosen per type) costs an in-memory query by key about
 * a tenth of its time; a cached shape is checked against the result's metadata first, so a
 * schema change ({@code SELECT *} after {@code ALTER TABLE}) still gets the right columns.
 */
final class ShapeCache {

    /** Beyond this many distinct SQL texts the cache starts over: bounded, and cheap to keep so. */
    static final int MAX_ENTRIES = 512;

    private final ConcurrentHashMap<String, ResultShape> shapes = new ConcurrentHashMap<>();

    /** The shape of a result of {@code sql} described by {@code meta}. */
    ResultShape of(String sql, ResultSetMetaData meta) throws SQLException {
        ResultShape cached = shapes.get(sql);
        if (cached != null && cached.matches(meta)) {
            return cached;
        }
        ResultShape fresh = ResultShape.of(meta);
        if (shapes.size() >= MAX_ENTRIES) {
            shapes.clear();
        }
        shapes.put(sql, fresh);
        return fresh;
    }

    int size() {
        return shapes.size();
    }
}
