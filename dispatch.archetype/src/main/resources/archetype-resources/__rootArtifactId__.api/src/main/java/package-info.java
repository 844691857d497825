/**
 * The commands of the '${moduleName}' module. Exported and versioned: processes import this
 * package, the module implements it.
 */
@Export
@Version("1.0.0")
package ${package}.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
