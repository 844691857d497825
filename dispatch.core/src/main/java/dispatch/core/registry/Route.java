package dispatch.core.registry;

import dispatch.api.Handler;

/**
 * What the registry knows of one command ID. Immutable: the registry publishes a new table
 * rather than changing a route, so a worker may keep the one it looked up, and a route that
 * was replaced tells its holder that the ID changed hands since.
 *
 * @param id          the command ID
 * @param commandName the command's name, for listings
 * @param claimant    the dispatcher that registered it (or last did, for an unavailable route)
 * @param handler     the handler, or {@code null} while the module is away
 */
public record Route(int id, String commandName, Claimant claimant, Handler handler) {

    public boolean available() {
        return handler != null;
    }

    /** The placeholder left when the module goes: names and numbers only, no handler. */
    Route unavailable() {
        return new Route(id, commandName, claimant, null);
    }
}
