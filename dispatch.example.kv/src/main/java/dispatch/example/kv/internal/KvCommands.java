package dispatch.example.kv.internal;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ProcessContext;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.shell.GogoCommand;
import dispatch.example.kv.api.Delete;
import dispatch.example.kv.api.Get;
import dispatch.example.kv.api.Keys;
import dispatch.example.kv.api.Put;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Shell commands to try the module: {@code kv:put key value}, {@code kv:get key},
 * {@code kv:delete key}, {@code kv:keys [prefix]}. Each runs one process that yields the
 * command through the runtime, as any process would, and prints what came back: the result,
 * or the error with its code (e.g. {@code module-unavailable} while the module is being
 * swapped). Gogo finds them by the service properties {@link GogoCommand} sets; the module
 * does not need Gogo.
 */
@Component(service = KvCommands.class)
@GogoCommand(scope = "kv", function = {"put", "get", "delete", "keys"})
public final class KvCommands {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ProcessRuntime runtime;

    @Activate
    public KvCommands(@Reference ProcessRuntime runtime) {
        this.runtime = runtime;
    }

    public String put(String key, String value) {
        return call(new Put(key, value));
    }

    public String get(String key) {
        return call(new Get(key));
    }

    public String delete(String key) {
        return call(new Delete(key));
    }

    public String keys() {
        return call(new Keys(""));
    }

    public String keys(String prefix) {
        return call(new Keys(prefix));
    }

    private String call(Command<?> command) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        runtime.spawn(new BlockingProcess() {
            @Override
            public void run(ProcessContext context) {
                try {
                    outcome.complete(context.call(command, TIMEOUT));
                } catch (DispatchException error) {
                    outcome.complete(error);
                }
            }

            @Override
            public String name() {
                return "kv-shell";
            }
        });
        try {
            Object result = outcome.get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            return result instanceof DispatchException error ? "error " + error : String.valueOf(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException | TimeoutException e) {
            return "no answer: " + e;
        }
    }
}
