package dispatch.itest.sql;

import java.lang.reflect.Method;
import org.junit.AssumptionViolatedException;
import org.junit.Test;
import org.junit.runner.Description;
import org.junit.runner.Runner;
import org.junit.runner.notification.Failure;
import org.junit.runner.notification.RunNotifier;
import org.ops4j.pax.exam.junit.PaxExam;
import org.junit.runners.model.InitializationError;

/**
 * Runs a Pax Exam test class when a PostgreSQL server is reachable. When none is, every test is
 * reported as skipped through a failed JUnit assumption carrying the reason (so the run says
 * so, and never passes silently); with {@code DISPATCH_PG_REQUIRED=true} it fails instead.
 */
public final class PaxExamIfPostgres extends Runner {

    private final Class<?> testClass;
    private final String unavailable;
    private final Runner delegate;

    public PaxExamIfPostgres(Class<?> testClass) throws InitializationError {
        this.testClass = testClass;
        this.unavailable = Postgres.unavailable();
        this.delegate = unavailable == null ? new PaxExam(testClass) : null;
    }

    @Override
    public Description getDescription() {
        if (delegate != null) {
            return delegate.getDescription();
        }
        Description suite = Description.createSuiteDescription(testClass);
        for (Method method : testClass.getMethods()) {
            if (method.isAnnotationPresent(Test.class)) {
                suite.addChild(Description.createTestDescription(testClass, method.getName()));
            }
        }
        return suite;
    }

    @Override
    public void run(RunNotifier notifier) {
        if (delegate != null) {
            delegate.run(notifier);
            return;
        }
        System.out.println(testClass.getSimpleName() + (Postgres.REQUIRED ? " FAILS: " : " SKIPPED: ") + unavailable);
        for (Description test : getDescription().getChildren()) {
            notifier.fireTestStarted(test);
            if (Postgres.REQUIRED) {
                notifier.fireTestFailure(new Failure(test, new AssertionError(
                        "DISPATCH_PG_REQUIRED is set but " + unavailable)));
            } else {
                notifier.fireTestAssumptionFailed(new Failure(test, new AssumptionViolatedException(unavailable)));
            }
            notifier.fireTestFinished(test);
        }
    }
}
