package dispatch.example.kv.api;

import dispatch.api.Command;

/** Removes {@code key}; completes with whether it was there. */
public record Delete(String key) implements Command<Boolean> {

    public static final int ID = 1002;

    @Override
    public int id() {
        return ID;
    }
}
