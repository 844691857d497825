package dispatch.module.store;

import dispatch.api.Command;

/**
 * Reads an entry: completes with it, or with {@code null} when the key has none (or only an
 * expired one).
 *
 * @param store the store's name
 * @param key   the key: 1 to {@link Set#MAX_KEY_LENGTH} characters
 */
public record Get(String store, String key) implements Command<Entry> {

    public static final int ID = 120;

    @Override
    public int id() {
        return ID;
    }
}
