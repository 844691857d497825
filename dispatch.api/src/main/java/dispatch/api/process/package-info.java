/**
 * The process side of dispatch: the two ways to write a process (the step model of
 * {@link dispatch.api.process.StepProcess} and the blocking style of
 * {@link dispatch.api.process.BlockingProcess}), the {@link dispatch.api.process.ProcessRuntime}
 * service that runs them, and the process commands (IDs 1-9) with their messages.
 */
@Export
@Version("1.0.0")
package dispatch.api.process;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
