package dispatch.module.http.internal;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.Test;

/** The host rules on their own: patterns, ranges, internal addresses, precedence. */
public class HostPolicyTest {

    private static InetAddress ip(String literal) {
        return AddressRange.literal(literal);
    }

    @Test
    public void internalAddressesAreRecognised() {
        for (String internal : new String[] {"127.0.0.1", "127.255.0.9", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1", "255.255.255.255",
                "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "::ffff:127.0.0.1", "::127.0.0.1",
                "::ffff:169.254.169.254"}) {
            assertTrue(internal, HostPolicy.isInternal(ip(internal)));
        }
        for (String external : new String[] {"8.8.8.8", "172.32.0.1", "100.128.0.1", "1.1.1.1", "2001:4860:4860::8888"}) {
            assertFalse(external, HostPolicy.isInternal(ip(external)));
        }
    }

    @Test
    public void rangesMatchByPrefix() {
        AddressRange range = AddressRange.parse("10.20.0.0/14");
        assertTrue(range.contains(ip("10.23.255.255")));
        assertFalse(range.contains(ip("10.24.0.0")));
        assertFalse("other family", range.contains(ip("::1")));
        assertTrue(AddressRange.parse("2001:db8::/32").contains(ip("2001:db8:ffff::1")));
        assertTrue(AddressRange.parse("0.0.0.0/0").contains(ip("203.0.113.9")));
        assertTrue(AddressRange.parse("192.0.2.7").contains(ip("192.0.2.7")));
        assertFalse(AddressRange.parse("192.0.2.7").contains(ip("192.0.2.8")));
    }

    @Test
    public void malformedRulesAreRejectedWithTheirText() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> HostPolicy.of(new String[] {"10.0.0.0/33"}, null, false))
                .getMessage(), containsString("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> HostPolicy.of(null, new String[] {"a*.example.org"}, false));
        assertThrows(IllegalArgumentException.class, () -> HostPolicy.of(null, new String[] {"example.org/8"}, false));
        assertThrows(IllegalArgumentException.class, () -> AddressRange.literal("300.1.1.1"));
    }

    @Test
    public void namesMatchExactlyOrBySuffix() {
        HostPolicy policy = HostPolicy.of(null, new String[] {"evil.example", "*.internal.example", "Upper.Example."}, false);
        assertThat(policy.denial("evil.example", false, List.of()), containsString("rule evil.example"));
        assertThat(policy.denial("a.b.internal.example", false, List.of()), containsString("*.internal.example"));
        assertNull("the apex is not a subdomain", policy.denial("internal.example", false, List.of()));
        assertNull(policy.denial("notevil.example", false, List.of()));
        assertThat(policy.denial("upper.example", false, List.of()), containsString("denied"));
    }

    @Test
    public void theDenyListWinsOverTheAllowList() {
        HostPolicy policy = HostPolicy.of(new String[] {"*.example.org"}, new String[] {"admin.example.org"}, false);
        assertNull(policy.denial("www.example.org", false, List.of()));
        assertThat(policy.denial("admin.example.org", false, List.of()), containsString("is denied"));
        assertThat(policy.denial("example.com", false, List.of()), containsString("not among the allowed hosts"));
    }

    @Test
    public void internalAddressesAreDeniedUnlessAllowedExplicitly() {
        HostPolicy strict = HostPolicy.of(null, null, true);
        assertThat(strict.denial("db.local", false, List.of(ip("8.8.8.8"), ip("10.0.0.5"))),
                containsString("internal address 10.0.0.5"));
        assertNull(strict.denial("public.example", false, List.of(ip("93.184.216.34"))));

        HostPolicy withException = HostPolicy.of(new String[] {"127.0.0.1", "metrics.corp"}, null, true);
        assertNull(withException.denial("127.0.0.1", true, List.of(ip("127.0.0.1"))));
        assertNull(withException.denial("metrics.corp", false, List.of(ip("10.9.9.9"))));
        assertThat(withException.denial("127.0.0.2", true, List.of(ip("127.0.0.2"))), containsString("not among"));
    }

    @Test
    public void anAllowedRangeCoversAHostOnlyWhenEveryAddressIsInIt() {
        HostPolicy policy = HostPolicy.of(new String[] {"203.0.113.0/24"}, null, false);
        assertNull(policy.denial("api.example", false, List.of(ip("203.0.113.10"))));
        assertThat(policy.denial("mixed.example", false, List.of(ip("203.0.113.10"), ip("198.51.100.1"))),
                containsString("not among"));
    }
}
