package dispatch.core.runtime.scheduling;

import java.lang.reflect.Method;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads beside the workers: blocking-style processes and {@code Exec} tasks. Virtual
 * threads where the JVM has them (found at run time: the code is compiled for Java 17),
 * otherwise two bounded pools of platform threads, one for processes and one for Exec tasks,
 * so that processes waiting for Exec results can never take all the threads Exec needs.
 */
public final class Threads {

    /** A factory of virtual threads, or {@code null} when this JVM has none. */
    public static final ThreadFactory VIRTUAL = virtualThreadFactory();

    private final ThreadFactory virtual;
    private final ExecutorService processPool;
    private final ExecutorService execPool;
    private volatile boolean stopped;

    /** Virtual threads if {@code useVirtual} and the JVM has them, else two pools of {@code poolSize}. */
    public Threads(boolean useVirtual, int poolSize) {
        this.virtual = useVirtual ? VIRTUAL : null;
        if (virtual == null) {
            processPool = pool("dispatch-blocking-", poolSize);
            execPool = pool("dispatch-exec-", poolSize);
        } else {
            processPool = null;
            execPool = null;
        }
    }

    /** Whether processes and tasks run on virtual threads. */
    public boolean virtual() {
        return virtual != null;
    }

    /** Starts a blocking process's body; {@code false} once stopped. */
    public boolean startProcess(Runnable body) {
        return start(processPool, body);
    }

    /** Runs an Exec task; {@code false} once stopped. */
    public boolean execute(Runnable task) {
        return start(execPool, task);
    }

    private boolean start(ExecutorService pool, Runnable body) {
        if (stopped) {
            return false;
        }
        try {
            if (virtual != null) {
                virtual.newThread(body).start();
            } else {
                pool.execute(body);
            }
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Stops taking work; interrupts what still runs on the pools. */
    public void stop() {
        stopped = true;
        if (processPool != null) {
            processPool.shutdownNow();
            execPool.shutdownNow();
        }
    }

    private static ExecutorService pool(String prefix, int size) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> platform(runnable, prefix + count.incrementAndGet());
        int threads = Math.max(1, size);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * A daemon platform thread that keeps nothing of whoever made it start. A pool creates its
     * threads lazily, on the thread of whatever asked for work, and a new thread inherits the
     * access control context of the code on that stack (and with it those classes' loaders)
     * and its context class loader: if that code was a module's, a long-lived thread would
     * keep the module's class loader after the module left. Created under doPrivileged, it
     * inherits only the core's context; its context class loader is the core's.
     */
    @SuppressWarnings("removal") // AccessController: the JDK 17 Thread constructor still reads it
    static Thread platform(Runnable body, String name) {
        Thread thread = AccessController.doPrivileged((PrivilegedAction<Thread>) () -> new Thread(body, name));
        thread.setDaemon(true);
        thread.setContextClassLoader(Threads.class.getClassLoader());
        return thread;
    }

    private static ThreadFactory virtualThreadFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Method name = builderType.getMethod("name", String.class, long.class);
            builder = name.invoke(builder, "dispatch-virtual-", 0L);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // before Java 21 (or without preview on 19-20): platform threads
        }
    }
}
