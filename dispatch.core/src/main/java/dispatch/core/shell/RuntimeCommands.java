package dispatch.core.shell;

import dispatch.api.process.ProcessInfo;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.process.RuntimeStats;
import dispatch.api.shell.GogoCommand;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands about the process runtime: {@code dispatch:ps}, {@code dispatch:stats}, {@code dispatch:spawn}. */
@Component(service = RuntimeCommands.class)
@GogoCommand(scope = "dispatch", function = {"ps", "stats", "spawn"})
public final class RuntimeCommands {

    private static final long DEMO_TIMEOUT_SECONDS = 60;

    private final ProcessRuntime runtime;

    @Activate
    public RuntimeCommands(@Reference ProcessRuntime runtime) {
        this.runtime = runtime;
    }

    @Descriptor("list the running processes: pid, name, state, outstanding yields, queued events")
    public String ps() {
        List<ProcessInfo> processes = runtime.processes();
        Table table = new Table("PID", "NAME", "STATE", "OUTSTANDING", "QUEUED");
        for (ProcessInfo info : processes) {
            table.row(info.pid(), info.name(), info.state(), info.outstanding(), info.queued());
        }
        return processes.size() + " processes\n" + table;
    }

    @Descriptor("show the runtime's counters")
    public String stats() {
        RuntimeStats stats = runtime.stats();
        Table table = new Table("COUNTER", "VALUE");
        table.row("processes live", stats.processesLive());
        table.row("processes spawned", stats.processesSpawned());
        table.row("yields", stats.yields());
        table.row("completions", stats.completions());
        table.row("errors", stats.errors());
        table.row("ignored completions", stats.ignoredCompletions());
        return table.toString();
    }

    @Descriptor("run a demo: N processes doing M yields each (Exec and Send), or N ping-pong pairs of M rounds")
    public String spawn(
            @Descriptor("ping-pong pairs instead of Exec/Send workers")
            @Parameter(names = {"-p", "--ping"}, presentValue = "true", absentValue = "false") boolean ping,
            @Descriptor("processes (or pairs)") int processes,
            @Descriptor("yields per process (or rounds per pair)") int yields) throws InterruptedException {
        if (processes < 1 || yields < 1) {
            return "processes and yields must be at least 1";
        }
        RuntimeStats before = runtime.stats();
        DemoProcesses demo = new DemoProcesses(ping ? processes * 2 : processes);
        long start = System.nanoTime();
        for (int i = 0; i < processes; i++) {
            if (ping) {
                long ponger = runtime.spawn(demo.ponger());
                runtime.spawn(demo.pinger(ponger, yields));
            } else {
                runtime.spawn(demo.worker(yields));
            }
        }
        boolean finished = demo.done.await(DEMO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        long nanos = System.nanoTime() - start;
        RuntimeStats after = runtime.stats();
        long yielded = demo.yields.sum();
        String kind = ping ? processes + " ping-pong pairs x " + yields + " rounds"
                : processes + " processes x " + yields + " Exec/Send yields";
        return String.format(Locale.ROOT, "%s: %s in %.1f ms%n"
                        + "  yields %d, results %d (errors %d), messages %d, %.0f yields/s%n"
                        + "  runtime: +%d yields, +%d completions, +%d errors, +%d ignored",
                kind, finished ? "done" : "NOT DONE after " + DEMO_TIMEOUT_SECONDS + " s", nanos / 1e6,
                yielded, demo.results.sum(), demo.errors.sum(), demo.messages.sum(), yielded / (nanos / 1e9),
                after.yields() - before.yields(), after.completions() - before.completions(),
                after.errors() - before.errors(), after.ignoredCompletions() - before.ignoredCompletions())
                + (demo.firstError.get() == null ? "" : "\n  first error: " + demo.firstError.get());
    }
}
