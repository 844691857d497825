package dispatch.core.registry;

import java.util.List;

/** IDs for messages, runs collapsed: {@code 1000-1003, 1010}. */
final class IdList {

    private IdList() {
    }

    static String of(List<Integer> ids) {
        int[] sorted = ids.stream().mapToInt(Integer::intValue).sorted().toArray();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sorted.length; i++) {
            int first = sorted[i];
            while (i + 1 < sorted.length && sorted[i + 1] == sorted[i] + 1) {
                i++;
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(first);
            if (sorted[i] != first) {
                out.append('-').append(sorted[i]);
            }
        }
        return out.toString();
    }
}
