package dispatch.module.sql;

import dispatch.module.sql.internal.values.ValueList;
import java.util.Collections;
import java.util.List;

/** Copies parameter lists into unmodifiable lists that may hold {@code null}. */
final class Params {

    private Params() {
    }

    static List<Object> copy(List<?> params) {
        return params == null ? List.of() : ValueList.copyOf(params);
    }

    static List<Object> of(Object... params) {
        return params == null ? Collections.singletonList(null) : ValueList.copyOf(params);
    }
}
