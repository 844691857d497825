package dispatch.module.sql.internal.engine;

/** Work for a JDBC thread that can also be told it will never run. */
interface Task extends Runnable {

    /** The task will not run (its executor is shutting down): fail whatever waits for it. */
    void abort();
}
