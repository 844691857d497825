/**
 * The commands of the store module (IDs 120-126): {@link dispatch.module.store.Get},
 * {@link dispatch.module.store.Set}, {@link dispatch.module.store.Delete},
 * {@link dispatch.module.store.Has}, {@link dispatch.module.store.ListEntries},
 * {@link dispatch.module.store.CompareAndSet} and {@link dispatch.module.store.PutIfAbsent}, on
 * named stores. Each command names its store; a store keeps {@link dispatch.module.store.Entry entries}
 * of a string or byte value, a version and an optional expiry.
 *
 * <h2>Errors</h2>
 * The records accept any values; the module checks them when they are yielded, and a bad command
 * fails only its own yield (the process lives on) with a {@link dispatch.module.store.StoreFailure}
 * whose code says why. Nothing is half-written: a write that fails leaves the entry as it was.
 */
@Export
@Version("1.0.0")
package dispatch.module.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
