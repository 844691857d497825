/**
 * The commands of the event module (IDs 90-99): {@link dispatch.module.event.Subscribe},
 * {@link dispatch.module.event.Unsubscribe} and {@link dispatch.module.event.Publish}. Events
 * reach subscribers as {@link dispatch.module.event.TopicEvent} messages.
 *
 * <h2>Topics</h2>
 * EventAdmin's syntax: a topic is tokens of letters, digits, {@code _} and {@code -} separated by
 * {@code /}; a pattern is a topic, a topic followed by {@code /*}, or {@code *}.
 *
 * <h2>Bounds</h2>
 * Each subscription holds at most its bound of events the process has not taken, besides the one
 * in the process's mailbox. A process has taken a message when the step it was given to returned
 * (or {@code receive} returned it); then the next waiting event goes to the mailbox. An event past
 * the bound drops the oldest waiting one (counted, and visible in {@link dispatch.module.event.TopicEvent#dropped()})
 * or fails the publish with {@code overloaded}, as the subscription chose.
 *
 * <h2>Errors</h2>
 * A bad command fails only its own yield (the process lives on) with a
 * {@link dispatch.api.DispatchException}:
 * <ul>
 * <li>{@code invalid-argument}: a {@code null} or malformed topic or pattern (a wildcard in a
 * published topic, an empty token, a character outside the syntax), a bound under 1 or over the
 * configured maximum, a {@code null} overflow, a subscription ID that was never issued or is no
 * longer active;</li>
 * <li>{@code not-owner}: a subscription ID of another process;</li>
 * <li>{@value dispatch.module.event.Subscribe#TOO_MANY_SUBSCRIBERS}: the pattern has the configured
 * maximum of subscribers;</li>
 * <li>{@value dispatch.module.event.OverloadedException#OVERLOADED}: a publish that full
 * subscriptions refused ({@link dispatch.module.event.OverloadedException});</li>
 * <li>{@code module-left}: the event module stopped.</li>
 * </ul>
 */
@Export
@Version("1.0.0")
package dispatch.module.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
