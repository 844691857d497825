package dispatch.core.registry;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** A claimant names the revision it stands for: the log's departure lines tell two of them apart by it. */
public class ClaimantTest {

    @Test
    public void theRevisionTextNamesTheBundleIdTheRevisionAndTheTime() {
        Claimant second = new Claimant("kv", "dispatch.example.kv 0.1.0", 42, 15, 2, 1_765_000_000_000L);
        String text = second.revisionText();
        assertTrue(text, text.matches("bundle ID 15, revision 2, modified \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        assertEquals(text.substring(text.indexOf("modified ") + 9), second.modifiedText());
    }

    @Test
    public void aClaimantOutsideAFrameworkSaysSo() {
        Claimant plain = new Claimant("kv", "test", 7);
        assertEquals("no bundle", plain.revisionText());
        assertEquals("-", plain.modifiedText());
    }
}
