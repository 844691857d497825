package dispatch.core.boot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import dispatch.core.runtime.RuntimeSettings;
import java.lang.annotation.Annotation;
import java.time.Duration;
import org.junit.Test;

/** ConfigAdmin values become runtime settings; nonsense falls back to something that works. */
public class RuntimeComponentSettingsTest {

    private static RuntimeConfig config(int workers, int spins, long spinMicros, int pool, boolean virtual) {
        return new RuntimeConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RuntimeConfig.class;
            }

            @Override
            public int workers() {
                return workers;
            }

            @Override
            public int spin_iterations() {
                return spins;
            }

            @Override
            public long spin_micros() {
                return spinMicros;
            }

            @Override
            public int steps_per_slice() {
                return 0;
            }

            @Override
            public boolean virtual_threads() {
                return virtual;
            }

            @Override
            public int blocking_pool_size() {
                return pool;
            }

            @Override
            public long shutdown_timeout_millis() {
                return 2500;
            }

            @Override
            public long module_leave_grace_ms() {
                return spinMicros < 0 ? -5 : 750;
            }
        };
    }

    @Test
    public void configuredValuesAreUsed() {
        RuntimeSettings settings = RuntimeComponent.settings(config(3, 500, 20, 7, false));
        assertEquals(3, settings.workers());
        assertEquals(500, settings.spinIterations());
        assertEquals(20_000, settings.spinNanos());
        assertEquals(7, settings.blockingPoolSize());
        assertFalse(settings.virtualThreads());
        assertEquals(Duration.ofMillis(2500), settings.shutdownTimeout());
        assertEquals("at least one step per slice", 1, settings.stepsPerSlice());
        assertEquals(Duration.ofMillis(750), RuntimeComponent.moduleLeaveGrace(config(3, 500, 20, 7, false)));
    }

    @Test
    public void zeroWorkersMeansOnePerCore() {
        RuntimeSettings settings = RuntimeComponent.settings(config(0, -1, -1, 0, true));
        assertEquals(Runtime.getRuntime().availableProcessors(), settings.workers());
        assertEquals(0, settings.spinIterations());
        assertEquals(1, settings.blockingPoolSize());
        assertEquals(Duration.ZERO, RuntimeComponent.moduleLeaveGrace(config(0, -1, -1, 0, true)));
    }
}
