package dispatch.example.kv.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dispatch.api.Command;
import dispatch.api.DispatchException;
import dispatch.api.Handler;
import dispatch.api.process.BlockingProcess;
import dispatch.api.process.ExitReason;
import dispatch.api.process.Outcome;
import dispatch.api.process.ProcessContext;
import dispatch.api.process.ProcessInfo;
import dispatch.api.process.ProcessRuntime;
import dispatch.api.process.RuntimeStats;
import dispatch.api.process.StepProcess;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.junit.Test;

/** The shell commands over a stand-in runtime that runs each process at once on the caller's thread. */
public class KvCommandsTest {

    private final Map<Integer, Handler> handlers = new HashMap<>();
    private final KvCommands commands;

    public KvCommandsTest() {
        new KvDispatcher(new KvConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return KvConfig.class;
            }

            @Override
            public int max_entries() {
                return 10;
            }

            @Override
            public int max_length() {
                return 5;
            }
        }).registerAll((id, name, handler) -> handlers.put(id, handler));
        commands = new KvCommands(new InlineRuntime());
    }

    @Test
    public void commandsPrintResultsAndErrors() {
        assertEquals("null", commands.put("a", "1"));
        assertEquals("1", commands.put("a", "2"));
        assertEquals("2", commands.get("a"));
        assertEquals("[a]", commands.keys());
        assertEquals("true", commands.delete("a"));
        assertTrue(commands.put("a", "toolong"), commands.put("a", "toolong").startsWith("error invalid-argument: "));
    }

    /** Runs a blocking process on the calling thread; its yields go straight to the handlers. */
    private final class InlineRuntime implements ProcessRuntime {

        @Override
        public long spawn(BlockingProcess process) {
            try {
                process.run(new ProcessContext() {
                    @Override
                    public long pid() {
                        return 1;
                    }

                    @Override
                    public <R> R call(Command<R> command) {
                        return call(command, null);
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public <R> R call(Command<R> command, Duration timeout) {
                        Object[] result = new Object[2];
                        try {
                            handlers.get(command.id()).handle(null, command, 1, (tag, data, error) -> {
                                result[0] = data;
                                result[1] = error;
                                return true;
                            });
                        } catch (DispatchException e) {
                            throw e;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        if (result[1] != null) {
                            throw (DispatchException) result[1];
                        }
                        return (R) result[0];
                    }

                    @Override
                    public List<Outcome<?>> callAll(List<? extends Command<?>> commands) {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Object receive() {
                        throw new UnsupportedOperationException();
                    }

                    @Override
                    public Optional<Object> receive(Duration timeout) {
                        throw new UnsupportedOperationException();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return 1;
        }

        @Override
        public long spawn(StepProcess process) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean send(long pid, Object message) {
            return false;
        }

        @Override
        public boolean terminate(long pid, String reason) {
            return false;
        }

        @Override
        public Optional<CompletionStage<ExitReason>> exitOf(long pid) {
            return Optional.empty();
        }

        @Override
        public Optional<ProcessInfo> info(long pid) {
            return Optional.empty();
        }

        @Override
        public List<ProcessInfo> processes() {
            return List.of();
        }

        @Override
        public RuntimeStats stats() {
            return null;
        }
    }
}
