package dispatch.module.sql.internal;

import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.shell.GogoCommand;
import dispatch.module.sql.Column;
import dispatch.module.sql.Options;
import dispatch.module.sql.Query;
import dispatch.module.sql.Rows;
import dispatch.module.sql.internal.engine.SqlEngine;
import dispatch.module.sql.internal.pool.DataSourceSettings;
import dispatch.module.sql.internal.pool.PoolStats;
import dispatch.module.sql.internal.pool.SqlPool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Gogo commands {@code sql:datasources}, {@code sql:handles} and {@code sql:query}. They print rather than return,
 * so that a script run with {@code gosh.args=-c ...} shows their output. Passwords are never shown.
 */
@Component(service = SqlCommands.class)
@GogoCommand(scope = "sql", function = {"datasources", "handles", "query"})
public final class SqlCommands {

    private final SqlDispatcher dispatcher;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ProcessRuntime runtime;

    @Activate
    public SqlCommands(@Reference SqlDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Descriptor("list the datasources: URL (passwords masked), user, pool size and the connections in use")
    public void datasources(
            @Descriptor("first wait up to this many milliseconds until the sql module holds no connection")
            @Parameter(names = {"-w", "--wait-idle"}, absentValue = "0") long waitMillis) throws InterruptedException {
        List<SqlPool> pools = dispatcher.pools();
        for (SqlPool pool : pools) {
            if (waitMillis > 0 && !pool.awaitIdle(waitMillis)) {
                System.out.println("datasource " + pool.name() + ": still " + pool.inUse() + " connection(s) in use after "
                        + waitMillis + " ms");
            }
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "URL", "USER", "PASSWORD", "POOL", "IN USE", "ACTIVE", "IDLE", "TOTAL", "WAITING"});
        for (SqlPool pool : pools) {
            DataSourceSettings settings = pool.settings();
            PoolStats stats = pool.stats();
            rows.add(new String[] {pool.name(), settings.maskedUrl(), settings.user(),
                    settings.hasPassword() ? DataSourceSettings.MASK : "", String.valueOf(settings.poolSize()),
                    String.valueOf(pool.inUse()), String.valueOf(stats.active()), String.valueOf(stats.idle()),
                    String.valueOf(stats.total()), String.valueOf(stats.waiting())});
        }
        System.out.print(table(rows));
        List<String> unverified = pools.stream().filter(pool -> !pool.settings().verifyResultShape())
                .map(SqlPool::name).toList();
        if (!unverified.isEmpty()) {
            System.out.println("result shapes not verified (verify.result.shape=false): " + String.join(", ", unverified));
        }
        System.out.println("JDBC threads: " + (dispatcher.engine().virtualThreads() ? "virtual" : "platform pools"));
    }

    @Descriptor("list the open transactions, prepared statements and cursors with their processes")
    public void handles() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"HANDLE", "PROCESS", "DATASOURCE", "AGE (ms)"});
        for (SqlEngine.HandleInfo info : dispatcher.engine().handles()) {
            rows.add(new String[] {info.kind() + "#" + info.id(), String.valueOf(info.owner()), info.datasource(),
                    String.valueOf(info.ageMillis())});
        }
        System.out.print(table(rows));
    }

    @Descriptor("run a query as a process and print its rows (at most 100), e.g. sql:query \"SELECT 1\"")
    public void query(
            @Descriptor("the datasource") @Parameter(names = {"-d", "--datasource"}, absentValue = Query.DEFAULT_DATASOURCE)
            String datasource,
            @Descriptor("the SQL, without parameters") String sql) throws Exception {
        ProcessRuntime processes = runtime;
        if (processes == null) {
            System.out.println("no process runtime");
            return;
        }
        CompletableFuture<Rows> result = new CompletableFuture<>();
        processes.spawn((BlockingProcess) process -> {
            try {
                result.complete(process.call(new Query(datasource, sql, List.of(), Options.DEFAULT.withMaxRows(100))));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        Rows rows;
        try {
            rows = result.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            System.out.println(e.getCause());
            return;
        }
        List<String[]> lines = new ArrayList<>();
        lines.add(rows.columns().stream().map(Column::name).toArray(String[]::new));
        for (List<Object> row : rows.rows()) {
            lines.add(row.stream().map(SqlCommands::text).toArray(String[]::new));
        }
        System.out.print(table(lines));
        System.out.println("(" + rows.size() + " row" + (rows.size() == 1 ? ")" : "s)"));
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? "0x" + java.util.HexFormat.of().formatHex(bytes) : String.valueOf(value);
    }

    static String table(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                out.append(i == row.length - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }
}
