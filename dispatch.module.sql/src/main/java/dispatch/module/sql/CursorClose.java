package dispatch.module.sql;

import dispatch.api.Command;
import java.util.Objects;

/** Closes a cursor before its last page, giving back what it holds. */
public record CursorClose(CursorHandle cursor) implements Command<Void> {

    public static final int ID = 113;

    public CursorClose {
        Objects.requireNonNull(cursor, "cursor");
    }

    @Override
    public int id() {
        return ID;
    }
}
