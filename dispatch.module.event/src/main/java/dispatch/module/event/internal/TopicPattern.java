package dispatch.module.event.internal;

/**
 * A checked topic pattern.
 *
 * @param pattern  as given, e.g. {@code orders/*}
 * @param topic    the exact topic, or the prefix before {@code /*} ({@code ""} for {@code *})
 * @param wildcard whether it matches the topics under {@code topic} rather than {@code topic} itself
 */
record TopicPattern(String pattern, String topic, boolean wildcard) {

    boolean matches(String candidate) {
        if (!wildcard) {
            return candidate.equals(topic);
        }
        return topic.isEmpty() || (candidate.length() > topic.length() && candidate.startsWith(topic)
                && candidate.charAt(topic.length()) == '/');
    }
}
