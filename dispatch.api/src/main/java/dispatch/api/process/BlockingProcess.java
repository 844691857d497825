package dispatch.api.process;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A process written as plain sequential code. It runs on a virtual thread where the JVM has
 * them, otherwise on a bounded pool of platform threads; {@link ProcessContext#call} parks it
 * until the result arrives. Returning ends the process normally; throwing ends it abnormally.
 */
@ConsumerType
@FunctionalInterface
public interface BlockingProcess {

    void run(ProcessContext context) throws Exception;

    /** A name for listings; the class name by default. */
    default String name() {
        return getClass().getSimpleName();
    }
}
