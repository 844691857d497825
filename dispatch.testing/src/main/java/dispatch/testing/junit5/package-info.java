/**
 * JUnit 5 inside the framework (osgi-test, run by bnd-testing-maven-plugin from a
 * {@code .bndrun}): {@link dispatch.testing.junit5.DispatchTest} waits, bounded, for the runtime to
 * be ready before each test and hands tests a {@link dispatch.testing.junit5.ProcessRunner}. Its
 * JUnit 5 and osgi-test imports are optional, so that a Pax Exam test of the same bundle needs
 * neither.
 */
@Export
@Version("1.0.0")
package dispatch.testing.junit5;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
