package dispatch.example.kv.api;

import dispatch.api.Command;

/** Stores {@code value} under {@code key}; completes with the previous value, or {@code null}. */
public record Put(String key, String value) implements Command<String> {

    public static final int ID = 1000;

    @Override
    public int id() {
        return ID;
    }
}
