package dispatch.bench;

import dispatch.bench.SqlBenchFixture.Way;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * <p>One JVM's median is steady, but JVMs differ from one another by more than the differences
 * worth measuring (each compiles the paths its own way): with {@code jvms} above 1 the run is
 * repeated in that many fresh JVMs, one after another, and the median of their medians printed.
 *
 * <pre>
 * java -cp dispatch.bench/target/benchmarks.jar dispatch.bench.SqlOverheadRun [rounds] [queriesPerBatch] [jvms]
 * </pre>
 */
public final class SqlOverheadRun {

    private SqlOverheadRun() {
    }

    /** How a JVM of a several-JVM run reports its medians to the first: this prefix, then three numbers. */
    private static final String MEDIANS = "medians (direct us, dispatched, unverified): ";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int jvms = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        if (jvms > 1) {
            inJvms(rounds, batch, jvms);
            return;
        }
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
            System.out.printf(Locale.ROOT, "%s%.3f %.4f %.4f%n", MEDIANS, directMicros[rounds / 2],
                    dispatched[rounds / 2], unverified[rounds / 2]);
        }
    }

    /** Runs this in {@code jvms} fresh JVMs one after another and prints each one's medians and theirs. */
    private static void inJvms(int rounds, int batch, int jvms) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        double[][] medians = new double[3][jvms];
        for (int jvm = 0; jvm < jvms; jvm++) {
            Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    SqlOverheadRun.class.getName(), String.valueOf(rounds), String.valueOf(batch), "1")
                    .redirectErrorStream(true).start();
            String line = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String next = out.readLine(); next != null; next = out.readLine()) {
                    if (next.startsWith(MEDIANS)) {
                        line = next.substring(MEDIANS.length());
                    }
                }
            }
            if (child.waitFor() != 0 || line == null) {
                throw new IllegalStateException("JVM " + (jvm + 1) + " of " + jvms + " failed (exit " + child.exitValue() + ")");
            }
            String[] values = line.trim().split(" ");
            for (int i = 0; i < 3; i++) {
                medians[i][jvm] = Double.parseDouble(values[i]);
            }
            System.out.printf(Locale.ROOT, "JVM %d: direct %.3f us, dispatched %+.1f %%, unverified %+.1f %%%n", jvm + 1,
                    medians[0][jvm], (medians[1][jvm] - 1) * 100, (medians[2][jvm] - 1) * 100);
        }
        for (double[] values : medians) {
            Arrays.sort(values);
        }
        System.out.printf(Locale.ROOT, "%s, %d JVMs of %d rounds of %d queries: median direct %.3f us, dispatched %+.1f %%,"
                + " unverified %+.1f %%%n", Runtime.version(), jvms, rounds, batch, median(medians[0]),
                (median(medians[1]) - 1) * 100, (median(medians[2]) - 1) * 100);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
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
