package dispatch.module.sql;

import dispatch.api.Command;
import java.util.Objects;

/**
 * Reads the next page of a paged result. The page carries the cursor again while more rows
 * remain; after the last page the cursor is closed.
 */
public record Fetch(CursorHandle cursor) implements Command<Rows> {

    public static final int ID = 112;

    public Fetch {
        Objects.requireNonNull(cursor, "cursor");
    }

    @Override
    public int id() {
        return ID;
    }
}
