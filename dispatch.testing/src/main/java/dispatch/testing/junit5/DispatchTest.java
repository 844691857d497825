package dispatch.testing.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.osgi.test.junit5.context.BundleContextExtension;
import org.osgi.test.junit5.context.BundleInstallerExtension;
import org.osgi.test.junit5.context.InstalledBundleExtension;
import org.osgi.test.junit5.service.ServiceExtension;

/**
 * A JUnit 5 test class inside a framework that runs dispatch: before each test it waits until
 * the runtime is ready, and fails naming what the boot barrier waits for if it is not within
 * {@link #timeoutSeconds}; test and lifecycle methods may take a {@link ProcessRunner}. It also
 * turns on osgi-test's {@code @InjectBundleContext}, {@code @InjectService},
 * {@code @InjectInstalledBundle} and {@code @InjectBundleInstaller}; the bundles and services a
 * test installs and registers through them are gone after it.
 *
 * <pre>{@code
 * @DispatchTest
 * class MyModuleTest {
 *     @Test
 *     void answers(ProcessRunner processes) {
 *         assertEquals("hello", processes.call(new Get("greeting")));
 *     }
 * }
 * }</pre>
 *
 * Without osgi-test in the framework, use {@code @ExtendWith(DispatchExtension.class)} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(BundleContextExtension.class)
@ExtendWith(BundleInstallerExtension.class)
@ExtendWith(InstalledBundleExtension.class)
@ExtendWith(ServiceExtension.class)
@ExtendWith(DispatchExtension.class)
public @interface DispatchTest {

    /** How long each test waits for readiness, and a {@link ProcessRunner} for a process to end. */
    long timeoutSeconds() default 30;

    /**
     * Whether each test waits for readiness first: false for tests that configure or restart
     * the boot themselves (they can wait with {@link dispatch.testing.DispatchTesting#awaitReady}).
     */
    boolean awaitReady() default true;
}
