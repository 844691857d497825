package dispatch.module.http.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertThrows;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.junit.Test;

/** Configuration checks: defaults, bad values named, timeout and concurrency arithmetic. */
public class SettingsTest {

    @Test
    public void defaultsAreSafe() {
        Settings settings = Settings.from(Configs.of(Map.of()));
        assertEquals(10L * 1024 * 1024, settings.maxResponseBytes());
        assertEquals(Duration.ofSeconds(30), settings.timeoutFor(null));
        assertEquals(5, settings.maxRedirects());
        assertEquals(8, settings.concurrencyFor(0));
        assertEquals(32, settings.concurrencyFor(1_000));
        assertEquals(3, settings.concurrencyFor(3));
        assertEquals(HttpClient.Version.HTTP_2, settings.version());
        assertEquals(Duration.ofMinutes(5), settings.timeoutFor(Duration.ofHours(2)));
    }

    @Test
    public void badValuesAreRejectedByName() {
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Configs.of(Map.of("max.concurrent.requests", 0)))).getMessage(),
                containsString("dispatch.http: max.concurrent.requests must be at least 1, not 0"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Configs.of(Map.of("http.version", "HTTP_3")))).getMessage(),
                containsString("HTTP_3"));
        assertThat(assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Configs.of(Map.of("max.response.bytes", 1L << 40)))).getMessage(),
                containsString("max.response.bytes must be at most"));
        assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Configs.of(Map.of("denied.hosts", new String[] {"1.2.3.4/99"}))));
    }
}
