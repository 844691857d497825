package dispatch.module.http.internal;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;

/** The validated, immutable form of an {@link HttpConfig}. */
record Settings(long maxResponseBytes, Duration connectTimeout, Duration defaultTimeout, Duration maxTimeout,
        int maxRedirects, int maxConcurrent, int maxQueued, int batchConcurrency, int maxBatchConcurrency,
        int maxBatchSize, HttpClient.Version version, HostPolicy hosts) {

    /**
     * Checks and converts a configuration.
     *
     * @throws IllegalArgumentException naming the first bad property
     */
    static Settings from(HttpConfig config) {
        return new Settings(
                within("max.response.bytes", config.max_response_bytes(), 0, Integer.MAX_VALUE - 8),
                Duration.ofMillis(atLeast("connect.timeout.millis", config.connect_timeout_millis(), 1)),
                Duration.ofMillis(atLeast("request.timeout.millis", config.request_timeout_millis(), 1)),
                Duration.ofMillis(atLeast("max.request.timeout.millis", config.max_request_timeout_millis(), 1)),
                (int) atLeast("max.redirects", config.max_redirects(), 0),
                (int) atLeast("max.concurrent.requests", config.max_concurrent_requests(), 1),
                (int) atLeast("max.queued.requests", config.max_queued_requests(), 0),
                (int) atLeast("batch.concurrency", config.batch_concurrency(), 1),
                (int) atLeast("max.batch.concurrency", config.max_batch_concurrency(), 1),
                (int) atLeast("max.batch.size", config.max_batch_size(), 0),
                version(config.http_version()),
                HostPolicy.of(config.allowed_hosts(), config.denied_hosts(), config.deny_private_addresses()));
    }

    /** The timeout of a request that asked for {@code requested} (null: none). */
    Duration timeoutFor(Duration requested) {
        if (requested == null) {
            return defaultTimeout.compareTo(maxTimeout) <= 0 ? defaultTimeout : maxTimeout;
        }
        return requested.compareTo(maxTimeout) <= 0 ? requested : maxTimeout;
    }

    /** The concurrency of a batch that asked for {@code requested} (0: the default). */
    int concurrencyFor(int requested) {
        return Math.min(requested <= 0 ? batchConcurrency : requested, maxBatchConcurrency);
    }

    private static long within(String property, long value, long min, long max) {
        if (value > max) {
            throw new IllegalArgumentException(HttpConfig.PID + ": " + property + " must be at most " + max + ", not " + value);
        }
        return atLeast(property, value, min);
    }

    private static long atLeast(String property, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(HttpConfig.PID + ": " + property + " must be at least " + min + ", not " + value);
        }
        return value;
    }

    private static HttpClient.Version version(String name) {
        try {
            return HttpClient.Version.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(HttpConfig.PID + ": http.version must be HTTP_2 or HTTP_1_1, not " + name, e);
        }
    }
}
