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
 * Death watch, as Pekko calls it: who watches whom, and who is told when a process ends
 * (monitors, links and exit callbacks). Changes are rare next to yields, so one lock guards
 * them all, which keeps linking two processes that end at the same moment free of
 * lock-ordering puzzles. Notices are sent after the lock is released.
 */
final class DeathWatch {

    /**
     * A process's part of the death watch, made when something first attaches to it and
     * guarded by the death watch's lock. Most processes never have one, and an ending process
     * without one skips the lock: {@link #exited} writes the cell's {@code watchesClosed}, then
     * reads its {@code watches}; whoever attaches something writes {@code watches} (under the
     * lock), then reads {@code watchesClosed}. Both volatile, so at least one of them sees the
     * other.
     */
    static final class Watches {
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
                remove(cell.watches.exitActions, this);
            }
        }
    }

    private final Object lock = new Object();
    private final Map<Long, MonitorEntry> monitors = new HashMap<>(); // guarded by lock
    private final AtomicLong refs = new AtomicLong();
    private final DispatchRuntime runtime;

    DeathWatch(DispatchRuntime runtime) {
        this.runtime = runtime;
    }

    /** Monitors {@code targetPid}; a process that is not running is reported down at once. */
    long monitor(ProcessCell watcher, long targetPid) {
        long ref = refs.incrementAndGet();
        ProcessCell target = runtime.cell(targetPid);
        synchronized (lock) {
            if (target != null) {
                Watches targetWatches = watches(target);
                Watches watcherWatches = watches(watcher);
                if (!target.watchesClosed) {
                    MonitorEntry entry = new MonitorEntry(ref, watcher, target);
                    monitors.put(ref, entry);
                    if (targetWatches.watchers == null) {
                        targetWatches.watchers = new ArrayList<>();
                    }
                    targetWatches.watchers.add(entry);
                    if (watcherWatches.watching == null) {
                        watcherWatches.watching = new ArrayList<>();
                    }
                    watcherWatches.watching.add(entry);
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
            remove(entry.target.watches.watchers, entry);
            remove(watcher.watches.watching, entry);
            return true;
        }
    }

    /** The process's watches, made now if it has none yet. Under the lock. */
    private static Watches watches(ProcessCell cell) {
        Watches watches = cell.watches;
        if (watches == null) {
            watches = new Watches();
            cell.watches = watches; // volatile: written before the caller reads watchesClosed
        }
        return watches;
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
            watches(a);
            if (b != null) {
                watches(b);
            }
            if (b == null || b.watchesClosed) {
                throw new DispatchException(DispatchException.NO_SUCH_PROCESS, "process " + bPid
                        + " is not running, so process " + a.pid + " cannot link to it");
            }
            if (a == b) {
                return;
            }
            if (!a.watchesClosed) {
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
        Watches watches = watches(cell);
        if (watches.linked == null) {
            watches.linked = new LinkedHashSet<>();
        }
        return watches.linked;
    }

    /** Removes a link; {@code false} if there was none. */
    boolean unlink(ProcessCell a, ProcessCell b) {
        synchronized (lock) {
            Watches aWatches = a.watches;
            if (b == null || aWatches == null || aWatches.linked == null || !aWatches.linked.remove(b)) {
                return false;
            }
            Watches bWatches = b.watches;
            if (bWatches != null && bWatches.linked != null) {
                bWatches.linked.remove(a);
            }
            return true;
        }
    }

    Subscription onExit(ProcessCell cell, Runnable action) {
        java.util.Objects.requireNonNull(action, "action");
        synchronized (lock) {
            Watches watches = watches(cell);
            if (!cell.watchesClosed) {
                ExitAction added = new ExitAction(cell, action);
                if (watches.exitActions == null) {
                    watches.exitActions = new ArrayList<>();
                }
                watches.exitActions.add(added);
                return added;
            }
        }
        CancelAction.run(action);
        return CancelAction.NONE;
    }

    /** The process ended: tell its monitors, terminate its links if it failed, run its exit actions. */
    void exited(ProcessCell cell, ExitReason reason) {
        cell.watchesClosed = true;
        if (cell.watches == null) {
            return; // nobody ever watched, linked or added an exit action: most processes
        }
        List<MonitorEntry> watchers;
        Set<ProcessCell> linked;
        List<ExitAction> actions;
        synchronized (lock) {
            Watches watches = cell.watches;
            watchers = watches.watchers;
            linked = watches.linked;
            actions = watches.exitActions;
            watches.watchers = null;
            watches.linked = null;
            watches.exitActions = null;
            if (watchers != null) {
                for (MonitorEntry entry : watchers) {
                    monitors.remove(entry.ref);
                    remove(entry.watcher.watches.watching, entry);
                }
            }
            if (watches.watching != null) {
                for (MonitorEntry entry : watches.watching) {
                    monitors.remove(entry.ref);
                    remove(entry.target.watches.watchers, entry);
                }
                watches.watching = null;
            }
            if (linked != null) {
                for (ProcessCell partner : linked) {
                    if (partner.watches.linked != null) {
                        partner.watches.linked.remove(cell);
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
