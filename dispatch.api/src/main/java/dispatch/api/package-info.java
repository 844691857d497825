/**
 * The module-side API of dispatch: commands, handlers, dispatchers, the registrar that
 * collects them, the context a handler runs in, and the command ID ranges.
 *
 * <p>A command module is a bundle that publishes a {@link dispatch.api.Dispatcher} service;
 * the runtime calls {@link dispatch.api.Dispatcher#registerAll(Registrar)} and routes every
 * yielded {@link dispatch.api.Command} with a registered ID to its handler: a
 * {@link dispatch.api.TypedHandler} of the command's type, or a raw {@link dispatch.api.Handler}.
 * {@link dispatch.api.DispatchModule} names the module once, for the runtime, DS and bnd.
 *
 * <p>1.1: {@code DispatchModule}, {@code TypedHandler} and the typed registrations of
 * {@code Registrar} (which replace the untyped {@code register(int, Class, Handler)}; unreleased
 * before), {@code Dispatcher.moduleName()} a default method, {@code ProcessRef.send(Object, Runnable)}
 * (tells the sender when the process took the message).
 */
@Export
@Version("1.1.0")
package dispatch.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
