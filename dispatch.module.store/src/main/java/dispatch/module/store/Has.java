package dispatch.module.store;

import dispatch.api.Command;

/**
 * Completes with whether the key has an entry that has not expired.
 *
 * @param store the store's name
 * @param key   the key
 */
public record Has(String store, String key) implements Command<Boolean> {

    public static final int ID = 123;

    @Override
    public int id() {
        return ID;
    }
}
