package dispatch.core.shell;

import dispatch.core.boot.BootBarrier;
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
@Component(service = BootCommands.class, property = {
        "osgi.command.scope=dispatch",
        "osgi.command.function=commands",
        "osgi.command.function=boot"})
public final class BootCommands {

    private final BootBarrier boot;

    @Activate
    public BootCommands(@Reference BootBarrier boot) {
        this.boot = boot;
    }

    @Descriptor("list the registered command IDs with their command, module and bundle")
    public void commands() {
        Table table = new Table("ID", "COMMAND", "MODULE", "BUNDLE", "STATUS");
        for (Route route : boot.registry().routes()) {
            table.row(route.id(), route.commandName(), route.claimant().module(), route.claimant().bundle(),
                    route.available() ? "available" : "unavailable");
        }
        System.out.println(table);
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
