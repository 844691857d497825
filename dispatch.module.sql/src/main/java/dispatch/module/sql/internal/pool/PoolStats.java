package dispatch.module.sql.internal.pool;

/**
 * The pool's figures, as HikariCP's pool MXBean reports them.
 *
 * @param active  connections in use
 * @param idle    connections open and free
 * @param total   connections open
 * @param waiting threads waiting for a connection
 */
public record PoolStats(int active, int idle, int total, int waiting) {
}
