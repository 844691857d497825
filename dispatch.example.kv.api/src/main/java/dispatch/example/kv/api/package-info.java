/**
 * The commands of the example key-value module: what processes yield, in a bundle of their
 * own. Processes import this package from here, not from the module, so that swapping the
 * module bundle (an update and a refresh) does not refresh the bundles of the processes too.
 * The module, {@code dispatch.example.kv}, imports it as well and keeps its handlers private.
 */
@Export
@Version("1.0.0")
package dispatch.example.kv.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
