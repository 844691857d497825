package dispatch.bench;

import com.sun.net.httpserver.HttpServer;
import dispatch.api.process.BlockingProcess;
import dispatch.api.process.Event;
import dispatch.api.process.Events;
import dispatch.api.process.Status;
import dispatch.api.process.StepOutput;
import dispatch.api.process.StepProcess;
import dispatch.core.registry.Claimant;
import dispatch.core.registry.CommandRegistry;
import dispatch.core.runtime.DispatchRuntime;
import dispatch.core.runtime.RuntimeSettings;
import dispatch.module.http.Request;
import dispatch.module.http.RequestBatch;
import dispatch.module.http.internal.HttpConfig;
import dispatch.module.http.internal.HttpDispatcher;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Requests per second against one loopback server (the JDK's HttpServer, 64-byte answers),
 * through dispatch (processes yield {@link Request}s to the http module, which uses the JDK
 * {@link HttpClient}) versus the same kind of client called directly. One operation is one
 * completed request. Each benchmark call runs a whole run of requests, so that handing the
 * run to a process and back costs little per request:
 * <ul>
 * <li>{@code *Sequential}: {@value #RUN} requests one after the other;</li>
 * <li>{@code *Window}: {@value #WINDOW_RUN} requests, {@value #WINDOW} in flight at any time
 * (a new one starts whenever one finishes), the same way on both sides.</li>
 * </ul>
 * Both clients use HTTP/1.1 (the server speaks nothing else) and a cached thread pool as
 * executor, as the module does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
public class HttpRequestBench {

    static final int RUN = 50;
    static final int WINDOW = 16;
    static final int WINDOW_RUN = 400;
    static final byte[] ANSWER = new byte[64];

    /** A run for a process: how many requests, how many at once, and what to complete at the end. */
    record Run(int total, int window, boolean asBatch, CompletableFuture<Void> done) {
    }

    /** A step process that does each {@link Run} it is sent, yielding one request per finished one. */
    static final class StepClient implements StepProcess {
        private final Request request;
        private Run run;
        private int started;
        private int finished;

        StepClient(Request request) {
            this.request = request;
        }

        @Override
        public Status step(Events events, StepOutput output) {
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                if (event.kind() == Event.Kind.MESSAGE) {
                    run = (Run) event.value();
                    started = 0;
                    finished = 0;
                    if (run.asBatch()) {
                        output.yield(new RequestBatch(Collections.nCopies(run.total(), request), run.window()));
                        started = run.total();
                    }
                } else if (event.failed()) {
                    run.done().completeExceptionally(event.error());
                } else if (run.asBatch()) {
                    finished = run.total();
                } else {
                    finished++;
                }
            }
            if (run == null) {
                return Status.WAIT; // the first step: nothing to do yet
            }
            while (started < run.total() && started - finished < run.window()) {
                output.yield(request);
                started++;
            }
            if (finished == run.total()) {
                run.done().complete(null);
            }
            return Status.WAIT;
        }
    }

    private HttpServer server;
    private ExecutorService serverThreads;
    private ExecutorService clientThreads;
    private HttpClient client;
    private HttpRequest direct;
    private DispatchRuntime runtime;
    private long stepPid;
    private long blockingPid;

    /**
     * The runtime's idle worker spin: {@code default} (spin up to 50 µs before parking, good for
     * chatty compute-bound processes) or {@code off} (park at once, which suits processes that
     * mostly wait on the network). The direct benchmarks ignore it.
     */
    @Param({"default", "off"})
    public String workerSpin;

    @Setup
    public void setUp() throws Exception {
        // Set here, not as a fork argument that -jvmArgsAppend would replace: without it the
        // server waits for a delayed ACK between head and body, 40 ms a response.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        serverThreads = Executors.newFixedThreadPool(4);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.setExecutor(serverThreads);
        server.createContext("/small", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(200, ANSWER.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(ANSWER);
                }
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/small";

        clientThreads = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>());
        client = HttpClient.newBuilder().executor(clientThreads).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        direct = HttpRequest.newBuilder(URI.create(url)).GET().build();

        HttpDispatcher module = new HttpDispatcher(config(Map.of("http.version", "HTTP_1_1")));
        CommandRegistry registry = new CommandRegistry();
        registry.register(new Claimant("http", "dispatch.module.http", 1), module);
        registry.freeze();
        RuntimeSettings settings = RuntimeSettings.defaults().withWorkers(1);
        runtime = new DispatchRuntime(registry, workerSpin.equals("off") ? settings.withSpin(0, 0) : settings);
        Request request = Request.get(url).build();
        stepPid = runtime.spawn(new StepClient(request));
        blockingPid = runtime.spawn((BlockingProcess) context -> {
            while (true) {
                Run run = (Run) context.receive();
                for (int i = 0; i < run.total(); i++) {
                    context.call(request);
                }
                run.done().complete(null);
            }
        });
    }

    @TearDown
    public void tearDown() {
        runtime.close();
        server.stop(0);
        serverThreads.shutdownNow();
        clientThreads.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(RUN)
    public void directSequential() {
        for (int i = 0; i < RUN; i++) {
            client.sendAsync(direct, HttpResponse.BodyHandlers.ofByteArray()).join();
        }
    }

    @Benchmark
    @OperationsPerInvocation(RUN)
    public void dispatchSequential() {
        await(stepPid, new Run(RUN, 1, false, new CompletableFuture<>()));
    }

    @Benchmark
    @OperationsPerInvocation(RUN)
    public void dispatchSequentialBlocking() {
        await(blockingPid, new Run(RUN, 1, false, new CompletableFuture<>()));
    }

    @Benchmark
    @OperationsPerInvocation(WINDOW_RUN)
    public void directWindow() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        for (int i = 0; i < WINDOW; i++) {
            sendNext(started, finished, done);
        }
        done.join();
    }

    // Keeps the window full: every completion starts the next request, as the module's batch does.
    private void sendNext(AtomicInteger started, AtomicInteger finished, CompletableFuture<Void> done) {
        if (started.getAndIncrement() >= WINDOW_RUN) {
            return;
        }
        client.sendAsync(direct, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else if (finished.incrementAndGet() == WINDOW_RUN) {
                done.complete(null);
            } else {
                sendNext(started, finished, done);
            }
        });
    }

    @Benchmark
    @OperationsPerInvocation(WINDOW_RUN)
    public void dispatchWindow() {
        await(stepPid, new Run(WINDOW_RUN, WINDOW, false, new CompletableFuture<>()));
    }

    @Benchmark
    @OperationsPerInvocation(WINDOW_RUN)
    public void dispatchBatchWindow() {
        await(stepPid, new Run(WINDOW_RUN, WINDOW, true, new CompletableFuture<>()));
    }

    private void await(long pid, Run run) {
        if (!runtime.send(pid, run)) {
            throw new IllegalStateException("the client process is gone");
        }
        run.done().join();
    }

    /** The module's configuration as DS would give it: the given properties, defaults for the rest. */
    static HttpConfig config(Map<String, ?> properties) {
        return (HttpConfig) Proxy.newProxyInstance(HttpConfig.class.getClassLoader(), new Class<?>[] {HttpConfig.class},
                (proxy, method, args) -> {
                    Object value = properties.get(method.getName().replace('_', '.'));
                    if (value != null) {
                        return value;
                    }
                    if (method.getDefaultValue() != null) {
                        return method.getDefaultValue();
                    }
                    return switch (method.getName()) {
                        case "annotationType" -> HttpConfig.class;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "HttpConfig" + properties;
                    };
                });
    }
}
