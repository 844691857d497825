package dispatch.core.boot;

/** Where the boot barrier stands. */
public enum BootState {
    /** Waiting for required modules; the registry is not frozen yet. */
    WAITING,
    /** A registration was refused before the freeze (ID collision or reserved range): boot failed. */
    FAILED,
    /** Every required module is registered and the registry is frozen. */
    READY,
    /** Frozen, but a required module left since: its commands answer "module unavailable". */
    DEGRADED
}
