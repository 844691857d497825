package dispatch.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * The overhead of a query through dispatch over the same query on the pool, measured so that
 * this machine's drift cannot blur it: in one JVM, on one thread (the process's), batches of
 * each kind take turns (direct, dispatched, dispatched, direct), and every round yields one
 * ratio; the median of the rounds is printed with its quartiles. {@code SqlQueryBench} measures
 * the same in separate JMH forks.
 *
 * <pre>
 * java -cp dispatch.bench/target/benchmarks.jar dispatch.bench.SqlOverheadRun [rounds] [queriesPerBatch]
 * </pre>
 */
public final class SqlOverheadRun {

    private SqlOverheadRun() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try (SqlBenchFixture fixture = new SqlBenchFixture(true)) {
            for (int warmup = 0; warmup < 10; warmup++) {
                fixture.inProcess(batch, false);
                fixture.inProcess(batch, true);
            }
            double[] directMicros = new double[rounds];
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long direct = timed(fixture, batch, false);
                long dispatched = timed(fixture, batch, true) + timed(fixture, batch, true);
                direct += timed(fixture, batch, false);
                directMicros[round] = direct / 2e3 / batch;
                ratios[round] = (double) dispatched / direct;
            }
            Arrays.sort(directMicros);
            Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "%s, %d rounds of %d queries each way on the process's thread%n",
                    Runtime.version(), rounds, batch);
            System.out.printf(Locale.ROOT, "direct: median %.3f us/query; dispatched/direct: median %.3f (quartiles %.3f-%.3f), overhead %+.1f %%%n",
                    directMicros[rounds / 2], ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4],
                    (ratios[rounds / 2] - 1) * 100);
        }
    }

    private static long timed(SqlBenchFixture fixture, int batch, boolean dispatched) throws Exception {
        long start = System.nanoTime();
        fixture.inProcess(batch, dispatched);
        return System.nanoTime() - start;
    }
}
