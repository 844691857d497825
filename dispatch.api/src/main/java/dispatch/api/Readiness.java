package dispatch.api;

/**
 * How the runtime publishes that it is ready: an OSGi R8
 * {@code org.osgi.service.condition.Condition} with {@code osgi.condition.id=dispatch.ready}
 * is registered while every required module is present and the registry is frozen. A
 * component waits for it declaratively with
 * {@code @SatisfyingConditionTarget("(osgi.condition.id=dispatch.ready)")} or a reference to
 * {@code Condition} with target {@link #CONDITION_TARGET}. Where the framework does not
 * export the condition package (Karaf 4.4), reference the {@link RuntimeReady} service instead,
 * which the runtime registers and unregisters together with the condition.
 */
public final class Readiness {

    /** The value of {@code osgi.condition.id} of the ready condition. */
    public static final String CONDITION_ID = "dispatch.ready";
    /** An LDAP filter that selects the ready condition. */
    public static final String CONDITION_TARGET = "(osgi.condition.id=" + CONDITION_ID + ")";
    /** The ConfigAdmin PID of the boot barrier (required modules, timeout). */
    public static final String BOOT_PID = "dispatch.boot";

    private Readiness() {
    }
}
