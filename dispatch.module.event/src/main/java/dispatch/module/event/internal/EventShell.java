package dispatch.module.event.internal;

import dispatch.api.shell.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Gogo command {@code event:topics}: every pattern with live subscriptions and its counts, and
 * the module's totals. It prints rather than returns, so that a script run with
 * {@code gosh.args=-c ...} shows its output.
 */
@Component(service = EventShell.class)
@GogoCommand(scope = "event", function = "topics")
public final class EventShell {

    private static final String ROW = "%-32s %11s %11s %11s %11s %11s %11s%n";

    private final EventHub hub;

    @Activate
    public EventShell(@Reference EventHub hub) {
        this.hub = hub;
    }

    /** Prints subscribers, published, delivered, dropped, refused and discarded events per pattern. */
    public void topics() {
        EventStats stats = hub.stats();
        System.out.printf(ROW, "pattern", "subscribers", "published", "delivered", "dropped", "refused", "discarded");
        for (TopicStats topic : stats.topics()) {
            print(topic.pattern(), topic);
        }
        print("(all, since start)", stats.total());
        System.out.printf("subscriptions ended with their process: %d%n", stats.endedWithProcess());
    }

    private static void print(String name, TopicStats s) {
        System.out.printf(ROW, name, s.subscribers(), s.published(), s.delivered(), s.dropped(), s.refused(),
                s.discarded());
    }
}
