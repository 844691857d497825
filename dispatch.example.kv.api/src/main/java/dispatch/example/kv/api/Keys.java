package dispatch.example.kv.api;

import dispatch.api.Command;
import java.util.List;

/** Lists the keys that start with {@code prefix}, sorted; completes with the list. */
public record Keys(String prefix) implements Command<List<String>> {

    public static final int ID = 1003;

    @Override
    public int id() {
        return ID;
    }
}
