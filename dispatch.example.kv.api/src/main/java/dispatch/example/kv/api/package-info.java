/**
 * The commands of the example key-value module: what processes yield. Handlers stay in the
 * module's private package.
 */
@Export
@Version("1.0.0")
package dispatch.example.kv;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
