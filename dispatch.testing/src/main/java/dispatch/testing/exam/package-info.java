/**
 * Pax Exam options that provision the dispatch runtime: use them in your test's
 * {@code @Configuration} method, on the test class path.
 */
@Export
@Version("1.0.0")
package dispatch.testing.exam;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
