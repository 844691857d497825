package dispatch.bench;

import dispatch.bench.SqlBenchFixture.Way;
import java.util.Arrays;
import java.util.Locale;

/**
 * The overhead of a query through dispatch over the same query on the pool, measured so that
 * this machine's drift cannot blur it: in one JVM, on one thread (the process's), batches of
 * each way take turns (direct, dispatched, unverified, unverified, dispatched, direct), and
 * every round yields one ratio per dispatched way; the median of the rounds is printed with its
 * quartiles. "Dispatched" runs on the default settings; "unverified" on a datasource with
 * {@code verify.result.shape=false}. {@code SqlQueryBench} measures the same in separate JMH forks.
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
                for (Way way : Way.values()) {
                    fixture.inProcess(batch, way);
                }
            }
            double[] directMicros = new double[rounds];
            double[] dispatched = new double[rounds];
            double[] unverified = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                long direct = timed(fixture, batch, Way.DIRECT);
                long verifying = timed(fixture, batch, Way.DISPATCHED);
                long trusting = timed(fixture, batch, Way.DISPATCHED_UNVERIFIED);
                trusting += timed(fixture, batch, Way.DISPATCHED_UNVERIFIED);
                verifying += timed(fixture, batch, Way.DISPATCHED);
                direct += timed(fixture, batch, Way.DIRECT);
                directMicros[round] = direct / 2e3 / batch;
                dispatched[round] = (double) verifying / direct;
                unverified[round] = (double) trusting / direct;
            }
            Arrays.sort(directMicros);
            System.out.printf(Locale.ROOT, "%s, %d rounds of %d queries each way on the process's thread%n",
                    Runtime.version(), rounds, batch);
            System.out.printf(Locale.ROOT, "direct: median %.3f us/query%n", directMicros[rounds / 2]);
            print("dispatched", dispatched);
            print("unverified", unverified);
        }
    }

    private static void print(String way, double[] ratios) {
        Arrays.sort(ratios);
        int rounds = ratios.length;
        System.out.printf(Locale.ROOT, "%s/direct: median %.3f (quartiles %.3f-%.3f), overhead %+.1f %%%n", way,
                ratios[rounds / 2], ratios[rounds / 4], ratios[3 * rounds / 4], (ratios[rounds / 2] - 1) * 100);
    }

    private static long timed(SqlBenchFixture fixture, int batch, Way way) throws Exception {
        long start = System.nanoTime();
        fixture.inProcess(batch, way);
        return System.nanoTime() - start;
    }
}
