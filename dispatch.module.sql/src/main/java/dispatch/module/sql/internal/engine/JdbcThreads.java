package dispatch.module.sql.internal.engine;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads JDBC blocks on, never the workers': a virtual thread per task where the JVM has
 * them (looked up at run time, the bundle is compiled for Java 17), otherwise bounded pools of
 * daemon platform threads.
 */
final class JdbcThreads {

    private static final Method NEW_THREAD_PER_TASK = threadPerTaskMethod();
    private static final ThreadFactory VIRTUAL = virtualFactory();

    private JdbcThreads() {
    }

    /** Whether this JVM runs JDBC work on virtual threads. */
    static boolean virtual() {
        return VIRTUAL != null && NEW_THREAD_PER_TASK != null;
    }

    /**
     * An executor for blocking JDBC work: a virtual thread per task, or {@code size} platform
     * threads named {@code name-N} with an unbounded queue.
     */
    static ExecutorService executor(String name, int size, boolean allowVirtual) {
        if (allowVirtual && virtual()) {
            try {
                return (ExecutorService) NEW_THREAD_PER_TASK.invoke(null, VIRTUAL);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // fall through to platform threads
            }
        }
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        int threads = Math.max(1, size);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static Method threadPerTaskMethod() {
        try {
            return Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }

    private static ThreadFactory virtualFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, "dispatch-sql-", 0L);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null; // Java 17-20: platform threads
        }
    }
}
