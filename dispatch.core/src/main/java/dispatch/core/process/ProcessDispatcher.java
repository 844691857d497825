package dispatch.core.process;

import dispatch.api.DispatchException;
import dispatch.api.DispatchModule;
import dispatch.api.Dispatcher;
import dispatch.api.Registrar;
import dispatch.api.ResultReceiver;
import dispatch.api.YieldContext;
import dispatch.api.process.Cancel;
import dispatch.api.process.Exec;
import dispatch.api.process.ExitReason;
import dispatch.api.process.Link;
import dispatch.api.process.Monitor;
import dispatch.api.process.Send;
import dispatch.api.process.Spawn;
import dispatch.api.process.Terminate;
import dispatch.api.process.Unlink;
import dispatch.api.process.Unmonitor;
import dispatch.core.runtime.DispatchRuntime;
import dispatch.core.runtime.ProcessCell;
import org.osgi.service.component.annotations.Component;

/**
 * The process commands, IDs 1-9, module {@code process}. Every handler but Exec completes at
 * once on the caller's thread; each finds its runtime through the yielding process, so the
 * dispatcher needs no reference to the runtime service.
 */
@Component
@DispatchModule(ProcessDispatcher.MODULE)
public final class ProcessDispatcher implements Dispatcher {

    /** The module name of the process commands. */
    public static final String MODULE = "process";

    /** Exec is generic, its class literal raw; {@code Exec<?>} is reifiable, so the cast is exact. */
    @SuppressWarnings("unchecked")
    private static final Class<Exec<?>> EXEC = (Class<Exec<?>>) (Class<?>) Exec.class;

    @Override
    public void registerAll(Registrar registrar) {
        registrar.register(Send.ID, Send.class, ProcessDispatcher::send);
        registrar.register(Spawn.ID, Spawn.class, ProcessDispatcher::spawn);
        registrar.register(Terminate.ID, Terminate.class, ProcessDispatcher::terminate);
        registrar.register(Cancel.ID, Cancel.class, ProcessDispatcher::cancel);
        registrar.register(Monitor.ID, Monitor.class, ProcessDispatcher::monitor);
        registrar.register(Unmonitor.ID, Unmonitor.class, ProcessDispatcher::unmonitor);
        registrar.register(Link.ID, Link.class, ProcessDispatcher::link);
        registrar.register(Unlink.ID, Unlink.class, ProcessDispatcher::unlink);
        registrar.register(Exec.ID, EXEC, new ExecHandler());
    }

    static ProcessCell cell(YieldContext context) {
        if (context.process() instanceof ProcessCell cell) {
            return cell;
        }
        throw new IllegalStateException("process commands run only in the dispatch core runtime");
    }

    private static void send(YieldContext context, Send send, long tag, ResultReceiver receiver) {
        if (send.message() == null) {
            throw new DispatchException(DispatchException.INVALID_ARGUMENT, "Send needs a message, not null");
        }
        receiver.complete(tag, cell(context).runtime().send(send.pid(), send.message()));
    }

    private static void spawn(YieldContext context, Spawn spawn, long tag, ResultReceiver receiver) {
        ProcessCell parent = cell(context);
        long pid = parent.runtime().spawn(spawn.process(), spawn.link() ? parent : null);
        receiver.complete(tag, pid);
    }

    private static void terminate(YieldContext context, Terminate terminate, long tag, ResultReceiver receiver) {
        ProcessCell cell = cell(context);
        String reason = terminate.reason() != null ? terminate.reason() : "terminated by process " + cell.pid();
        if (terminate.pid() == cell.pid()) {
            // completing first: the process's own end cancels nothing that is still wanted
            receiver.complete(tag, true);
            cell.terminate(ExitReason.terminated(reason));
            return;
        }
        receiver.complete(tag, cell.runtime().terminate(terminate.pid(), reason));
    }

    private static void cancel(YieldContext context, Cancel cancel, long tag, ResultReceiver receiver) {
        long target = cancel.tag();
        boolean cancelled = target != tag && cell(context).cancelYield(target,
                new DispatchException(DispatchException.CANCELLED, "yield " + target + " was cancelled by the process"));
        receiver.complete(tag, cancelled);
    }

    private static void monitor(YieldContext context, Monitor monitor, long tag, ResultReceiver receiver) {
        ProcessCell cell = cell(context);
        receiver.complete(tag, cell.runtime().monitor(cell, monitor.pid()));
    }

    private static void unmonitor(YieldContext context, Unmonitor unmonitor, long tag, ResultReceiver receiver) {
        ProcessCell cell = cell(context);
        receiver.complete(tag, cell.runtime().unmonitor(cell, unmonitor.ref()));
    }

    private static void link(YieldContext context, Link link, long tag, ResultReceiver receiver) {
        ProcessCell cell = cell(context);
        cell.runtime().link(cell, link.pid());
        receiver.complete(tag, true);
    }

    private static void unlink(YieldContext context, Unlink unlink, long tag, ResultReceiver receiver) {
        ProcessCell cell = cell(context);
        receiver.complete(tag, cell.runtime().unlink(cell, unlink.pid()));
    }

    static DispatchRuntime runtime(YieldContext context) {
        return cell(context).runtime();
    }
}
