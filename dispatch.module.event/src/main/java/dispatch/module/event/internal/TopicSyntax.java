package dispatch.module.event.internal;

/**
 * EventAdmin's topic syntax (OSGi Compendium 113.3.1): tokens of letters, digits, {@code _} and
 * {@code -} separated by {@code /}; a pattern is a topic, a topic followed by {@code /*}, or {@code *}.
 */
final class TopicSyntax {

    private TopicSyntax() {
    }

    /** A topic to publish to, checked. */
    static String topic(String topic) {
        if (topic == null) {
            throw EventErrors.invalid("the topic is missing (null)");
        }
        String problem = problemOf(topic);
        if (problem != null) {
            throw EventErrors.invalid("invalid topic '" + topic + "': " + problem);
        }
        return topic;
    }

    /** A subscription's pattern, checked. */
    static TopicPattern pattern(String pattern) {
        if (pattern == null) {
            throw EventErrors.invalid("the topic pattern is missing (null)");
        }
        if (pattern.equals("*")) {
            return new TopicPattern(pattern, "", true);
        }
        boolean wildcard = pattern.endsWith("/*");
        String topic = wildcard ? pattern.substring(0, pattern.length() - 2) : pattern;
        String problem = problemOf(topic);
        if (problem != null) {
            throw EventErrors.invalid("invalid topic pattern '" + pattern + "': " + problem
                    + " (a pattern is a topic, a topic followed by /*, or *)");
        }
        return new TopicPattern(pattern, topic, wildcard);
    }

    /** What is wrong with {@code topic}, or {@code null} when it is a valid topic. */
    static String problemOf(String topic) {
        if (topic.isEmpty()) {
            return "it is empty";
        }
        int tokenStart = 0;
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            if (c == '/') {
                if (i == tokenStart) {
                    return "empty token at position " + i;
                }
                tokenStart = i + 1;
            } else if (!isTokenChar(c)) {
                return (c == '*' ? "a wildcard may only end a pattern, as /*," : "'" + c + "' is not allowed")
                        + " at position " + i + " (tokens are letters, digits, _ and -)";
            }
        }
        return tokenStart == topic.length() ? "it ends with /" : null;
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    }
}
