package dispatch.module.sql;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** Copies parameter lists into unmodifiable lists that may hold {@code null}. */
final class Params {

    private Params() {
    }

    static List<Object> copy(List<?> params) {
        return params == null || params.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(params));
    }

    static List<Object> of(Object... params) {
        return params == null ? Collections.singletonList(null) : copy(Arrays.asList(params));
    }
}
