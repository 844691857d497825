package ${package}.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ${package}.api.Greet;
import dispatch.api.DispatchException;
import dispatch.testing.junit5.DispatchTest;
import dispatch.testing.junit5.ProcessRunner;
import org.junit.jupiter.api.Test;

/**
 * The module in a real framework with the dispatch runtime: each test starts once the runtime is
 * ready (all required modules registered) and yields through real processes.
 */
@DispatchTest
class ${moduleClass}IT {

    @Test
    void aProcessGetsItsGreeting(ProcessRunner processes) {
        assertEquals("Hello, Ada!", processes.call(new Greet("Ada")));
    }

    @Test
    void badInputIsAnErrorResultTheProcessCanTellByItsCode(ProcessRunner processes) {
        DispatchException error = assertThrows(DispatchException.class, () -> processes.call(new Greet("")));
        assertEquals(DispatchException.INVALID_ARGUMENT, error.code());
    }
}
