package dispatch.testing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Runs a Gogo command as a user at the console would. The only class that touches the Gogo API,
 * an optional import: where it is not wired, loading this class fails with a {@link LinkageError}.
 */
final class Gogo {

    private Gogo() {
    }

    /** What {@code command} printed (and returned, if anything); a failing command throws. */
    static String run(BundleContext context, String command) throws Exception {
        ServiceReference<CommandProcessor> reference = context.getServiceReference(CommandProcessor.class);
        CommandProcessor processor = reference == null ? null : context.getService(reference);
        if (processor == null) {
            throw new IllegalStateException("no Gogo CommandProcessor service");
        }
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            Object result = session.execute(command); // what it prints goes to the session's streams
            if (result != null) {
                out.println(session.format(result, Converter.INSPECT));
            }
            return buffer.toString(StandardCharsets.UTF_8);
        } finally {
            context.ungetService(reference);
        }
    }
}
