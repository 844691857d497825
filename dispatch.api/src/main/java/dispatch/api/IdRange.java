package dispatch.api;

import java.util.Optional;

/**
 * The command ID ranges of the platform. System IDs (1-255) are split among the modules
 * below; {@link #CUSTOM} (256 and up) is for users' own modules. IDs outside every range
 * are unassigned and cannot be registered.
 */
public enum IdRange {
    PROCESS("process", 1, 9),
    CLOCK("clock", 10, 29),
    STREAM("stream", 50, 59),
    HTTP("http", 60, 79),
    WEBSOCKET("websocket", 80, 89),
    EVENT("event", 90, 99),
    SQL("sql", 100, 119),
    STORE("store", 120, 129),
    SECURITY("security", 130, 139),
    FUNCTION("function", 140, 149),
    EXEC("exec", 150, 159),
    CLOUDSTORAGE("cloudstorage", 160, 169),
    EVAL("eval", 170, 179),
    WORKFLOW("workflow", 180, 189),
    CONTRACT("contract", 190, 199),
    CUSTOM("custom", 256, 65535);

    /** The lowest valid command ID. */
    public static final int MIN_ID = 1;
    /** The highest valid command ID. */
    public static final int MAX_ID = 65535;
    /** The first custom ID; everything below is a system ID. */
    public static final int FIRST_CUSTOM_ID = 256;

    private static final IdRange[] BY_ID = new IdRange[FIRST_CUSTOM_ID];

    static {
        for (IdRange range : values()) {
            for (int id = range.first; id <= range.last && id < FIRST_CUSTOM_ID; id++) {
                BY_ID[id] = range;
            }
        }
    }

    private final String module;
    private final int first;
    private final int last;

    IdRange(String module, int first, int last) {
        this.module = module;
        this.first = first;
        this.last = last;
    }

    /** The name of the module that owns the range ({@code "custom"} for 256+). */
    public String module() {
        return module;
    }

    /** The first ID of the range. */
    public int first() {
        return first;
    }

    /** The last ID of the range. */
    public int last() {
        return last;
    }

    /** Whether {@code id} lies in this range. */
    public boolean contains(int id) {
        return id >= first && id <= last;
    }

    /** The range of {@code id}, or empty when the ID is invalid or unassigned. */
    public static Optional<IdRange> of(int id) {
        if (id < MIN_ID || id > MAX_ID) {
            return Optional.empty();
        }
        return Optional.ofNullable(id >= FIRST_CUSTOM_ID ? CUSTOM : BY_ID[id]);
    }

    /** The system range owned by the module named {@code module}, or empty. */
    public static Optional<IdRange> ofModule(String module) {
        for (IdRange range : values()) {
            if (range != CUSTOM && range.module.equals(module)) {
                return Optional.of(range);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code id} is a valid command ID, 1..65535. */
    public static boolean isValid(int id) {
        return id >= MIN_ID && id <= MAX_ID;
    }

    /** Whether {@code id} is a custom ID (256 and up, valid). */
    public static boolean isCustom(int id) {
        return id >= FIRST_CUSTOM_ID && id <= MAX_ID;
    }
}
