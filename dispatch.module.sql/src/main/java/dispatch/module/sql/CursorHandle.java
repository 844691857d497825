package dispatch.module.sql;

/**
 * Where the next page of a paged result is; read it with {@link Fetch}, close it early with
 * {@link CursorClose}. Only the process that ran the query may use it.
 *
 * @param id       the handle's number, unique for the life of the module
 * @param pageSize the number of rows each {@link Fetch} returns at most
 */
public record CursorHandle(long id, int pageSize) {

    @Override
    public String toString() {
        return "cursor#" + id;
    }
}
