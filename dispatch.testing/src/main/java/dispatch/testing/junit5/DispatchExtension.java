package dispatch.testing.junit5;

import dispatch.testing.DispatchTesting;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The JUnit 5 extension behind {@link DispatchTest}, usable alone with
 * {@code @ExtendWith(DispatchExtension.class)}: before each test it waits until the runtime is
 * ready (the {@code dispatch.api.RuntimeReady} service, registered with the ready condition),
 * and fails with the boot barrier's report if it is not in time; it resolves parameters of type
 * {@link ProcessRunner}. It works through the bundle context of the test class's bundle, and
 * takes its settings from a {@link DispatchTest} on the test class or an enclosing class (the
 * defaults without one).
 */
public final class DispatchExtension implements BeforeEachCallback, ParameterResolver {

    private static final long DEFAULT_TIMEOUT_SECONDS = 30;

    @Override
    public void beforeEach(ExtensionContext context) {
        Optional<DispatchTest> settings = settings(context);
        if (settings.map(DispatchTest::awaitReady).orElse(true)) {
            DispatchTesting.awaitReady(bundleContext(context), timeout(settings));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ProcessRunner.class;
    }

    @Override
    public ProcessRunner resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return new ProcessRunner(bundleContext(context), timeout(settings(context)));
    }

    private static Optional<DispatchTest> settings(ExtensionContext context) {
        for (Class<?> type = context.getTestClass().orElse(null); type != null; type = type.getEnclosingClass()) {
            Optional<DispatchTest> found = AnnotationSupport.findAnnotation(type, DispatchTest.class);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Duration timeout(Optional<DispatchTest> settings) {
        return Duration.ofSeconds(settings.map(DispatchTest::timeoutSeconds).orElse(DEFAULT_TIMEOUT_SECONDS));
    }

    private static BundleContext bundleContext(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Bundle bundle = FrameworkUtil.getBundle(testClass);
        BundleContext bundleContext = bundle == null ? null : bundle.getBundleContext();
        if (bundleContext == null) {
            throw new ExtensionConfigurationException(testClass.getName() + " does not run in an active bundle:"
                    + " DispatchExtension works inside an OSGi framework (e.g. bnd-testing-maven-plugin's tester)");
        }
        return bundleContext;
    }
}
