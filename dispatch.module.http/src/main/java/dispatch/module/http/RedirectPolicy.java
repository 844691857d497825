package dispatch.module.http;

/**
 * Whether a request follows redirects (301, 302, 303, 307, 308 with a {@code Location}). Every
 * hop is checked against the module's host rules and counted against its maximum.
 */
public enum RedirectPolicy {
    /** Return the redirect response itself. */
    NEVER,
    /** Follow, except from {@code https} to {@code http}. */
    NORMAL,
    /** Follow always. */
    ALWAYS
}
