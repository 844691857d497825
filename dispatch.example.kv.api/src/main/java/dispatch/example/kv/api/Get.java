package dispatch.example.kv.api;

import dispatch.api.Command;

/** Reads the value under {@code key}; completes with it, or {@code null} when there is none. */
public record Get(String key) implements Command<String> {

    public static final int ID = 1001;

    @Override
    public int id() {
        return ID;
    }
}
