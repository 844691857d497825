package dispatch.bench;

import dispatch.bench.SqlBenchFixture.Way;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.IntToDoubleFunction;

/**
 * The overhead of a query through dispatch over the same query on the pool, measured so that
 * this machine's drift cannot blur it: in one JVM, on one thread (the process's), batches of
 * each way take turns (direct, dispatched, unverified, described, described, unverified,
 * dispatched, direct), every round yields its ratios, and the median of the rounds is printed
 * with its quartiles. "Dispatched" runs on the default settings; "unverified" on a datasource
 * with {@code verify.result.shape=false}; "described" is no dispatch at all but the direct query
 * handing on its row as the module does, with the column descriptions from the metadata: what
 * an exact self-describing result costs by itself, so that dispatched/described is what
 * dispatch adds to it. {@code SqlQueryBench} measures the same in separate JMH forks.
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

    /** How a JVM of a several-JVM run reports its medians to the first: this prefix, then the direct µs and each ratio. */
    private static final String MEDIANS = "medians: ";
    /** What each round's ratios compare, in the order they are reported. */
    private static final String[] RATIOS = {"dispatched/direct", "unverified/direct", "described/direct",
        "dispatched/described"};

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
            double[][] ratios = new double[RATIOS.length][rounds];
            for (int round = 0; round < rounds; round++) {
                long direct = timed(fixture, batch, Way.DIRECT);
                long verifying = timed(fixture, batch, Way.DISPATCHED);
                long trusting = timed(fixture, batch, Way.DISPATCHED_UNVERIFIED);
                long describing = timed(fixture, batch, Way.DIRECT_TO_ROWS);
                describing += timed(fixture, batch, Way.DIRECT_TO_ROWS);
                trusting += timed(fixture, batch, Way.DISPATCHED_UNVERIFIED);
                verifying += timed(fixture, batch, Way.DISPATCHED);
                direct += timed(fixture, batch, Way.DIRECT);
                directMicros[round] = direct / 2e3 / batch;
                ratios[0][round] = (double) verifying / direct;
                ratios[1][round] = (double) trusting / direct;
                ratios[2][round] = (double) describing / direct;
                ratios[3][round] = (double) verifying / describing;
            }
            Arrays.sort(directMicros);
            System.out.printf(Locale.ROOT, "%s, %d rounds of %d queries each way on the process's thread%n",
                    Runtime.version(), rounds, batch);
            System.out.printf(Locale.ROOT, "direct: median %.3f us/query%n", directMicros[rounds / 2]);
            StringBuilder medians = new StringBuilder(MEDIANS)
                    .append(String.format(Locale.ROOT, "%.3f", directMicros[rounds / 2]));
            for (int i = 0; i < RATIOS.length; i++) {
                Arrays.sort(ratios[i]);
                double[] sorted = ratios[i];
                System.out.printf(Locale.ROOT, "%s: median %.3f (quartiles %.3f-%.3f), overhead %+.1f %%%n", RATIOS[i],
                        sorted[rounds / 2], sorted[rounds / 4], sorted[3 * rounds / 4], (sorted[rounds / 2] - 1) * 100);
                medians.append(String.format(Locale.ROOT, " %.4f", sorted[rounds / 2]));
            }
            System.out.println(medians);
        }
    }

    /** Runs this in {@code jvms} fresh JVMs one after another and prints each one's medians and theirs. */
    private static void inJvms(int rounds, int batch, int jvms) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        double[][] medians = new double[1 + RATIOS.length][jvms];
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
            for (int i = 0; i < medians.length; i++) {
                medians[i][jvm] = Double.parseDouble(values[i]);
            }
            int thisJvm = jvm;
            System.out.println(summary("JVM " + (jvm + 1), medians[0][jvm], i -> medians[i][thisJvm]));
        }
        for (double[] values : medians) {
            Arrays.sort(values);
        }
        System.out.println(summary(Runtime.version() + ", " + jvms + " JVMs of " + rounds + " rounds of " + batch
                + " queries, medians", median(medians[0]), i -> median(medians[i])));
    }

    /** One line: the direct time, then each ratio (indexed from 1, as in the medians) as an overhead. */
    private static String summary(String what, double directMicros, IntToDoubleFunction ratio) {
        StringBuilder line = new StringBuilder(what).append(String.format(Locale.ROOT, ": direct %.3f us", directMicros));
        for (int i = 0; i < RATIOS.length; i++) {
            line.append(String.format(Locale.ROOT, ", %s %+.1f %%", RATIOS[i], (ratio.applyAsDouble(i + 1) - 1) * 100));
        }
        return line.toString();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long timed(SqlBenchFixture fixture, int batch, Way way) throws Exception {
        long start = System.nanoTime();
        fixture.inProcess(batch, way);
        return System.nanoTime() - start;
    }
}
