package dispatch.module.store;

import dispatch.api.Command;

/**
 * Removes an entry; completes with {@code true} when the key had one that had not expired.
 *
 * @param store the store's name
 * @param key   the key
 */
public record Delete(String store, String key) implements Command<Boolean> {

    public static final int ID = 122;

    @Override
    public int id() {
        return ID;
    }
}
