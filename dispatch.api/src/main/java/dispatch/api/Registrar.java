package dispatch.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Collects a dispatcher's handlers. Claiming an ID another module already holds, or an ID
 * in a range reserved for another module, fails the registration of the whole dispatcher
 * with a message naming the ID and both claimants.
 */
@ProviderType
public interface Registrar {

    /**
     * Registers a handler.
     *
     * @param id          the command ID, 1..65535
     * @param commandName a human name for listings, e.g. {@code "Sleep"}
     * @param handler     the handler
     */
    void register(int id, String commandName, Handler handler);

    /** Registers a handler, named after the command's type. */
    default void register(int id, Class<? extends Command<?>> commandType, Handler handler) {
        register(id, commandType.getSimpleName(), handler);
    }
}
