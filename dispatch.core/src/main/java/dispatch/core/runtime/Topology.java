package dispatch.core.runtime;

import dispatch.api.DispatchException;
import dispatch.api.Subscription;
import dispatch.api.process.Down;
import dispatch.api.process.ExitReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Who watches whom: monitors, links and exit callbacks. Changes are rare next to yields, so
 * one lock guards them all, which keeps linking two processes that end at the same moment
 * free of lock-ordering puzzles. Notices are sent after the lock is released.
 */
final class Topology {

    /**
     * A process's part of the topology; guarded by the topology's lock, except that an ending
     * process without any of it skips the lock: {@link #exited} writes {@code closed}, then reads
     * {@code used}; whoever attaches something writes {@code used} (under the lock), then reads
     * {@code closed}. Both volatile, so at least one of them sees the other.
     */
    static final class Links {
        volatile boolean closed;
        volatile boolean used;
        List<MonitorEntry> watchers;  // monitors on this process
        List<MonitorEntry> watching;  // monitors this process holds
        Set<ProcessCell> linked;
        List<ExitAction> exitActions;
    }

    private record MonitorEntry(long ref, ProcessCell watcher, ProcessCell target) {
    }

    private final class ExitAction implements Subscription {
        final ProcessCell cell;
        final Runnable action;

        ExitAction(ProcessCell cell, Runnable action) {
            this.cell = cell;
            this.action = action;
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (cell.topology.exitActions != null) {
                    cell.topology.exitActions.remove(this);
                }
            }
        }
    }

    private final Object lock = new Object();
    private final Map<Long, MonitorEntry> monitors = new HashMap<>(); // guarded by lock
    private final AtomicLong refs = new AtomicLong();
    private final DispatchRuntime runtime;

    Topology(DispatchRuntime runtime) {
        this.runtime = runtime;
    }

    /** Monitors {@code targetPid}; a process that is not running is reported down at once. */
    long monitor(ProcessCell watcher, long targetPid) {
        long ref = refs.incrementAndGet();
        ProcessCell target = runtime.cell(targetPid);
        synchronized (lock) {
            if (target != null) {
                target.topology.used = true;
                watcher.topology.used = true;
            }
            if (target != null && !target.topology.closed) {
                MonitorEntry entry = new MonitorEntry(ref, watcher, target);
                monitors.put(ref, entry);
                if (target.topology.watchers == null) {
                    target.topology.watchers = new ArrayList<>();
                }
                target.topology.watchers.add(entry);
                if (watcher.topology.watching == null) {
                    watcher.topology.watching = new ArrayList<>();
                }
                watcher.topology.watching.add(entry);
                return ref;
            }
        }
        // a target still listed but past its exit says why it ended
        ExitReason ended = target == null ? null : target.endReason();
        watcher.send(new Down(ref, targetPid, ended != null ? ended : ExitReason.noSuchProcess(targetPid)));
        return ref;
    }

    /** Stops a monitor the watcher holds; {@code false} if it was not active. */
    boolean unmonitor(ProcessCell watcher, long ref) {
        synchronized (lock) {
            MonitorEntry entry = monitors.get(ref);
            if (entry == null || entry.watcher != watcher) {
                return false;
            }
            monitors.remove(ref);
            remove(entry.target.topology.watchers, entry);
            remove(watcher.topology.watching, entry);
            return true;
        }
    }

    private static <T> void remove(List<T> list, T element) {
        if (list != null) {
            list.remove(element);
        }
    }

    /** Links two processes both ways; {@code b} is the running process {@code bPid}, or {@code null}. */
    void link(ProcessCell a, ProcessCell b, long bPid) {
        ExitReason partnerGone;
        synchronized (lock) {
            a.topology.used = true;
            if (b != null) {
                b.topology.used = true;
            }
            if (b == null || b.topology.closed) {
                throw new DispatchException(DispatchException.NO_SUCH_PROCESS, "process " + bPid
                        + " is not running, so process " + a.pid + " cannot link to it");
            }
            if (a == b) {
                return;
            }
            if (!a.topology.closed) {
                linkedOf(a).add(b);
                linkedOf(b).add(a);
                return;
            }
            partnerGone = a.endReason(); // a ended meanwhile: b learns it as if linked before
        }
        if (partnerGone != null && !partnerGone.isNormal()) {
            b.terminate(linkReason(a, partnerGone));
        }
    }

    private static Set<ProcessCell> linkedOf(ProcessCell cell) {
        if (cell.topology.linked == null) {
            cell.topology.linked = new LinkedHashSet<>();
        }
        return cell.topology.linked;
    }

    /** Removes a link; {@code false} if there was none. */
    boolean unlink(ProcessCell a, ProcessCell b) {
        synchronized (lock) {
            if (b == null || a.topology.linked == null || !a.topology.linked.remove(b)) {
                return false;
            }
            if (b.topology.linked != null) {
                b.topology.linked.remove(a);
            }
            return true;
        }
    }

    Subscription onExit(ProcessCell cell, Runnable action) {
        java.util.Objects.requireNonNull(action, "action");
        synchronized (lock) {
            cell.topology.used = true;
            if (!cell.topology.closed) {
                ExitAction added = new ExitAction(cell, action);
                if (cell.topology.exitActions == null) {
                    cell.topology.exitActions = new ArrayList<>();
                }
                cell.topology.exitActions.add(added);
                return added;
            }
        }
        CancelAction.run(action);
        return CancelAction.NONE;
    }

    /** The process ended: tell its monitors, terminate its links if it failed, run its exit actions. */
    void exited(ProcessCell cell, ExitReason reason) {
        cell.topology.closed = true;
        if (!cell.topology.used) {
            return; // nobody ever watched, linked or added an exit action: most processes
        }
        List<MonitorEntry> watchers;
        Set<ProcessCell> linked;
        List<ExitAction> actions;
        synchronized (lock) {
            Links links = cell.topology;
            links.closed = true;
            watchers = links.watchers;
            linked = links.linked;
            actions = links.exitActions;
            links.watchers = null;
            links.linked = null;
            links.exitActions = null;
            if (watchers != null) {
                for (MonitorEntry entry : watchers) {
                    monitors.remove(entry.ref);
                    remove(entry.watcher.topology.watching, entry);
                }
            }
            if (links.watching != null) {
                for (MonitorEntry entry : links.watching) {
                    monitors.remove(entry.ref);
                    remove(entry.target.topology.watchers, entry);
                }
                links.watching = null;
            }
            if (linked != null) {
                for (ProcessCell partner : linked) {
                    if (partner.topology.linked != null) {
                        partner.topology.linked.remove(cell);
                    }
                }
            }
        }
        if (watchers != null) {
            for (MonitorEntry entry : watchers) {
                entry.watcher.send(new Down(entry.ref, cell.pid, reason));
            }
        }
        if (linked != null && !reason.isNormal()) {
            ExitReason propagated = linkReason(cell, reason);
            for (ProcessCell partner : linked) {
                partner.terminate(propagated);
            }
        }
        if (actions != null) {
            for (ExitAction action : actions) {
                CancelAction.run(action.action);
            }
        }
    }

    private static ExitReason linkReason(ProcessCell ended, ExitReason reason) {
        return new ExitReason(ExitReason.Kind.TERMINATED, "linked process " + ended.pid + " (" + ended.name
                + ") ended: " + reason, reason.cause());
    }
}
