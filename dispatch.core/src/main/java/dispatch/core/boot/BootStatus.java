package dispatch.core.boot;

import java.util.List;

/**
 * A snapshot of the boot barrier, for the shell and for tests.
 *
 * @param state    where the barrier stands
 * @param required the required modules
 * @param missing  the required modules not registered now, each with what is known of why
 * @param refused  refused registrations, each naming the ID and both claimants
 * @param timedOut    whether the timeout passed before the barrier opened
 * @param development whether custom modules may come, go and be updated after the freeze
 */
public record BootStatus(BootState state, List<String> required, List<Missing> missing, List<String> refused,
        boolean timedOut, boolean development) {

    /** A missing module and the reasons found for it. */
    public record Missing(String module, List<String> reasons) {
    }

    public boolean ready() {
        return state == BootState.READY;
    }

    /** A human report: one line with the state, then one line per problem. */
    public String report() {
        StringBuilder out = new StringBuilder("dispatch: ").append(state);
        if (state == BootState.READY) {
            out.append(" (modules: ").append(String.join(", ", required)).append(')');
        }
        if (timedOut && state != BootState.READY) {
            out.append(" (boot timeout passed)");
        }
        if (development) {
            out.append("\n  development mode: custom modules (IDs 256+) may come, go and be updated");
        }
        for (Missing module : missing) {
            out.append("\n  missing module '").append(module.module()).append('\'');
            for (String reason : module.reasons()) {
                out.append("\n    ").append(reason);
            }
        }
        for (String refusal : refused) {
            out.append("\n  refused: ").append(refusal);
        }
        return out.toString();
    }
}
