package dispatch.itest.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;

/** Runs Gogo commands the way a user at the console would, and returns what they printed. */
public final class Shell {

    private final CommandProcessor processor;

    public Shell(BundleContext context) {
        this.processor = Services.await(context, CommandProcessor.class, null);
    }

    /** Runs {@code command} and returns its output; a failing command throws. */
    public String run(String command) throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        try (CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out, out)) {
            Object result = session.execute(command);
            if (result != null) {
                out.println(session.format(result, org.apache.felix.service.command.Converter.INSPECT));
            }
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
