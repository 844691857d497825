package ${package}.api;

import dispatch.api.Command;

/**
 * Asks the '${moduleName}' module for a greeting; the yield's result is the greeting.
 *
 * @param name who is greeted: not blank, at most {@link #MAX_NAME} characters
 */
public record Greet(String name) implements Command<String> {

    /** The command ID: custom modules take 256 and up. */
    public static final int ID = ${commandId};
    public static final int MAX_NAME = 100;

    @Override
    public int id() {
        return ID;
    }
}
