/**
 * Helpers for tests that run inside the framework: wait until dispatch is ready (or say what the
 * boot barrier waits for), run a process to its end, yield one command
 * ({@link dispatch.testing.DispatchTesting}; provisioned in Pax Exam by
 * {@link dispatch.testing.exam.DispatchOptions}, behind {@link dispatch.testing.junit5.DispatchTest}
 * in JUnit 5). And, for a plain unit test of a handler without a runtime, a yield and a process as
 * the handler sees them ({@link dispatch.testing.YieldProbe}, {@link dispatch.testing.ProcessProbe}).
 */
@Export
@Version("1.2.0")
package dispatch.testing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
