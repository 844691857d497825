package dispatch.api.process;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The events of one step, in the order they were completed. Indexed rather than iterable so
 * that reading them allocates nothing. Valid only during the step.
 */
@ProviderType
public interface Events {

    int size();

    /** The event at {@code index}, 0 &lt;= index &lt; {@link #size()}. */
    Event get(int index);

    default boolean isEmpty() {
        return size() == 0;
    }
}
