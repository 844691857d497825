package dispatch.core.shell;

import dispatch.api.shell.GogoCommand;
import dispatch.core.boot.BootBarrier;
import dispatch.core.boot.BootStatus;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.Route;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands about the registry and the boot barrier: {@code dispatch:commands}, {@code dispatch:boot}.
 * They print rather than return, so that a script run with {@code gosh.args=-c ...} shows their output.
 */
@Component(service = BootCommands.class)
@GogoCommand(scope = "dispatch", function = {"commands", "boot"})
public final class BootCommands {

    private final BootBarrier boot;

    @Activate
    public BootCommands(@Reference BootBarrier boot) {
        this.boot = boot;
    }

    @Descriptor("list the registered command IDs with their command, module and the bundle revision serving them,"
            + " and the refused registrations")
    public void commands() {
        BootStatus status = boot.status();
        StringBuilder out = new StringBuilder(status.development()
                ? "custom modules: development mode (they may come, go and be updated)\n"
                : "custom modules: production mode (late ones are refused)\n");
        Table table = new Table("ID", "COMMAND", "MODULE", "BUNDLE", "BID", "REV", "MODIFIED", "STATUS");
        for (Route route : boot.registry().routes()) {
            Claimant claimant = route.claimant();
            table.row(route.id(), route.commandName(), claimant.module(), claimant.bundle(),
                    claimant.bundleId() < 0 ? "-" : claimant.bundleId(),
                    claimant.revision() == 0 ? "-" : claimant.revision(),
                    claimant.modifiedText(),
                    route.available() ? "available" : "unavailable");
        }
        out.append(table);
        for (String refusal : status.refused()) {
            out.append("\nrefused: ").append(refusal);
        }
        System.out.println(out);
    }

    @Descriptor("show whether the runtime is ready, or what it is missing and why")
    public void boot(
            @Descriptor("wait up to this many seconds for readiness first")
            @Parameter(names = {"-w", "--wait"}, absentValue = "0") long waitSeconds) throws InterruptedException {
        if (waitSeconds > 0) {
            boot.awaitReady(TimeUnit.SECONDS.toMillis(waitSeconds));
        }
        System.out.println(boot.status().report());
    }
}
