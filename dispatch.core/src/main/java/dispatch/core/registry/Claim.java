package dispatch.core.registry;

import dispatch.api.Handler;

/** One ID a dispatcher asks for. */
record Claim(int id, String commandName, Handler handler) {
}
