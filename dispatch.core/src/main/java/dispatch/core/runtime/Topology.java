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
     * A process's part of the topology, made when something first attaches to it and guarded
     * by the topology's lock. Most processes never have one, and an ending process without one
     * skips the lock: {@link #exited} writes the cell's {@code linksClosed}, then reads its
     * {@code links}; whoever attaches something writes {@code links} (under the lock), then reads
     * {@code linksClosed}. Both volatile, so at least one of them sees the other.
     */
    static final class Links {
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
                remove(cell.links.exitActions, this);
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
                Links targetLinks = links(target);
                Links watcherLinks = links(watcher);
                if (!target.linksClosed) {
                    MonitorEntry entry = new MonitorEntry(ref, watcher, target);
                    monitors.put(ref, entry);
                    if (targetLinks.watchers == null) {
                        targetLinks.watchers = new ArrayList<>();
                    }
                    targetLinks.watchers.add(entry);
                    if (watcherLinks.watching == null) {
                        watcherLinks.watching = new ArrayList<>();
                    }
                    watcherLinks.watching.add(entry);
                    return ref;
                }
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
            remove(entry.target.links.watchers, entry);
            remove(watcher.links.watching, entry);
            return true;
        }
    }

    /** The process's links, made now if it has none yet. Under the lock. */
    private static Links links(ProcessCell cell) {
        Links links = cell.links;
        if (links == null) {
            links = new Links();
            cell.links = links; // volatile: written before the caller reads linksClosed
        }
        return links;
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
            links(a);
            if (b != null) {
                links(b);
            }
            if (b == null || b.linksClosed) {
                throw new DispatchException(DispatchException.NO_SUCH_PROCESS, "process " + bPid
                        + " is not running, so process " + a.pid + " cannot link to it");
            }
            if (a == b) {
                return;
            }
            if (!a.linksClosed) {
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
        Links links = links(cell);
        if (links.linked == null) {
            links.linked = new LinkedHashSet<>();
        }
        return links.linked;
    }

    /** Removes a link; {@code false} if there was none. */
    boolean unlink(ProcessCell a, ProcessCell b) {
        synchronized (lock) {
            Links aLinks = a.links;
            if (b == null || aLinks == null || aLinks.linked == null || !aLinks.linked.remove(b)) {
                return false;
            }
            Links bLinks = b.links;
            if (bLinks != null && bLinks.linked != null) {
                bLinks.linked.remove(a);
            }
            return true;
        }
    }

    Subscription onExit(ProcessCell cell, Runnable action) {
        java.util.Objects.requireNonNull(action, "action");
        synchronized (lock) {
            Links links = links(cell);
            if (!cell.linksClosed) {
                ExitAction added = new ExitAction(cell, action);
                if (links.exitActions == null) {
                    links.exitActions = new ArrayList<>();
                }
                links.exitActions.add(added);
                return added;
            }
        }
        CancelAction.run(action);
        return CancelAction.NONE;
    }

    /** The process ended: tell its monitors, terminate its links if it failed, run its exit actions. */
    void exited(ProcessCell cell, ExitReason reason) {
        cell.linksClosed = true;
        if (cell.links == null) {
            return; // nobody ever watched, linked or added an exit action: most processes
        }
        List<MonitorEntry> watchers;
        Set<ProcessCell> linked;
        List<ExitAction> actions;
        synchronized (lock) {
            Links links = cell.links;
            watchers = links.watchers;
            linked = links.linked;
            actions = links.exitActions;
            links.watchers = null;
            links.linked = null;
            links.exitActions = null;
            if (watchers != null) {
                for (MonitorEntry entry : watchers) {
                    monitors.remove(entry.ref);
                    remove(entry.watcher.links.watching, entry);
                }
            }
            if (links.watching != null) {
                for (MonitorEntry entry : links.watching) {
                    monitors.remove(entry.ref);
                    remove(entry.target.links.watchers, entry);
                }
                links.watching = null;
            }
            if (linked != null) {
                for (ProcessCell partner : linked) {
                    if (partner.links.linked != null) {
                        partner.links.linked.remove(cell);
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
