package dispatch.module.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The http module's configuration (PID {@value #PID}), read through ConfigAdmin. Every limit has
 * a default that is safe for a shared server; a change applies to requests started after it.
 */
@ObjectClassDefinition(name = "dispatch http module", description = "Limits and host rules of the Request and RequestBatch commands")
public @interface HttpConfig {

    /** The configuration PID. */
    String PID = "dispatch.http";

    @AttributeDefinition(description = "Largest response body accepted, in bytes; a larger one fails with TOO_LARGE while it streams in")
    long max_response_bytes() default 10L * 1024 * 1024;

    @AttributeDefinition(description = "Time to establish a connection, in milliseconds")
    long connect_timeout_millis() default 10_000;

    @AttributeDefinition(description = "Time a request may take when it names no timeout of its own, in milliseconds")
    long request_timeout_millis() default 30_000;

    @AttributeDefinition(description = "Longest timeout a request may ask for, in milliseconds")
    long max_request_timeout_millis() default 300_000;

    @AttributeDefinition(description = "Most redirects a request follows before it fails with TOO_MANY_REDIRECTS")
    int max_redirects() default 5;

    @AttributeDefinition(description = "Most requests in flight in the whole module; more wait in line")
    int max_concurrent_requests() default 64;

    @AttributeDefinition(description = "Most requests waiting in line; more fail with OVERLOADED")
    int max_queued_requests() default 10_000;

    @AttributeDefinition(description = "Requests of one batch in flight at once when the batch names no cap")
    int batch_concurrency() default 8;

    @AttributeDefinition(description = "Highest concurrency a batch may ask for")
    int max_batch_concurrency() default 32;

    @AttributeDefinition(description = "Most requests in one batch")
    int max_batch_size() default 1_000;

    @AttributeDefinition(description = "When not empty, only these hosts: names, *.suffix patterns, IP addresses or CIDR ranges")
    String[] allowed_hosts() default {};

    @AttributeDefinition(description = "Hosts never contacted: names, *.suffix patterns, IP addresses or CIDR ranges")
    String[] denied_hosts() default {};

    @AttributeDefinition(description = "Deny hosts that are or resolve to loopback, private, link-local and other internal addresses, unless allowed by name or range")
    boolean deny_private_addresses() default false;

    @AttributeDefinition(description = "Preferred protocol: HTTP_2 (negotiated, falls back to HTTP/1.1) or HTTP_1_1")
    String http_version() default "HTTP_2";
}
