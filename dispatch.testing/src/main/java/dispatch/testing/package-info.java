/**
 * Helpers for tests that run inside the framework: wait until dispatch is ready, run a process
 * to its end, yield one command. Provisioned by {@link dispatch.testing.exam.DispatchOptions}.
 */
@Export
@Version("1.0.0")
package dispatch.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
