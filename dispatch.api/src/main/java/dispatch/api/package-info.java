/**
 * The module-side API of dispatch: commands, handlers, dispatchers, the registrar that
 * collects them, the context a handler runs in, and the command ID ranges.
 *
 * <p>A command module is a bundle that publishes a {@link dispatch.api.Dispatcher} service;
 * the runtime calls {@link dispatch.api.Dispatcher#registerAll(Registrar)} and routes every
 * yielded {@link dispatch.api.Command} with a registered ID to its {@link dispatch.api.Handler}.
 */
@Export
@Version("1.0.0")
package dispatch.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
