/**
 * Helpers for a module's shell commands: {@link dispatch.api.shell.GogoCommand} publishes a
 * component's methods to the Gogo shell.
 */
@Export
@Version("1.0.0")
package dispatch.api.shell;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
