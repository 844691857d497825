package dispatch.core.boot;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** The barrier always waits for the core's own process commands. */
public class CoreModuleRequiredTest {

    @Test
    public void processModuleIsAddedFirstUnlessConfigured() {
        assertEquals(List.of("process", "clock", "sql"), BootBarrier.withCoreModule(List.of("clock", "sql")));
        assertEquals(List.of("clock", "process"), BootBarrier.withCoreModule(List.of("clock", "process")));
        assertEquals(List.of("process"), BootBarrier.withCoreModule(List.of()));
    }
}
