package dispatch.itest.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dispatch.api.DispatchException;
import dispatch.api.process.ExitReason;
import dispatch.api.process.ProcessRuntime;
import dispatch.module.clock.Sleep;
import dispatch.testing.junit5.DispatchTest;
import dispatch.testing.junit5.ProcessRunner;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.InjectService;

/** The guide's example of a JUnit 5 test in the framework: processes yield to a module's handlers. */
// guide:osgi-test
@DispatchTest
class SleepTest {

    @InjectService
    ProcessRuntime runtime;

    @Test
    void aProcessSleepsAndResumes(ProcessRunner processes) {
        long yieldsBefore = runtime.stats().yields();
        ExitReason exit = processes.run(process -> process.call(new Sleep(Duration.ofMillis(5))));
        assertTrue(exit.isNormal(), () -> "the process ended " + exit);
        assertTrue(runtime.stats().yields() > yieldsBefore);
    }

    @Test
    void aBadArgumentIsAnErrorResult(ProcessRunner processes) {
        DispatchException error = assertThrows(DispatchException.class,
                () -> processes.call(new Sleep(Duration.ofMillis(-1))));
        assertEquals(DispatchException.INVALID_ARGUMENT, error.code());
    }
}
// end:osgi-test
