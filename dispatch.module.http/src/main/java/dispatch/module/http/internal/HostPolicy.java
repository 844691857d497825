package dispatch.module.http.internal;

import dispatch.module.http.HttpFailure;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Which hosts a request may contact: an optional allow list, a deny list, and optionally no
 * internal addresses (the usual targets of server-side request forgery). Rules are host names,
 * {@code *.suffix} patterns, IP addresses or CIDR ranges. Checked on every hop of a request.
 *
 * <p>The deny list always wins. A host allowed explicitly (by name or range) may be internal;
 * otherwise, with {@code denyPrivate}, a host is denied when any address it resolves to is
 * internal. The client resolves the name once more when it connects, and the JDK 17 client
 * offers no way to pin the checked address, so a DNS server that answers differently within the
 * JVM's DNS cache time (DNS rebinding) can slip past; pair this with network egress rules where
 * that matters.
 */
final class HostPolicy {

    private static final HostPolicy OPEN = new HostPolicy(List.of(), List.of(), List.of(), List.of(), false);

    /** Internal ranges beyond what {@link InetAddress}'s predicates cover. */
    private static final List<AddressRange> INTERNAL = List.of(
            AddressRange.parse("0.0.0.0/8"), AddressRange.parse("100.64.0.0/10"),
            AddressRange.parse("192.0.0.0/24"), AddressRange.parse("198.18.0.0/15"),
            AddressRange.parse("240.0.0.0/4"), AddressRange.parse("fc00::/7"),
            AddressRange.parse("64:ff9b::/96"));

    private final List<String> allowedNames;
    private final List<AddressRange> allowedRanges;
    private final List<String> deniedNames;
    private final List<AddressRange> deniedRanges;
    private final boolean denyPrivate;
    private final boolean needsAddresses;

    private HostPolicy(List<String> allowedNames, List<AddressRange> allowedRanges, List<String> deniedNames,
            List<AddressRange> deniedRanges, boolean denyPrivate) {
        this.allowedNames = allowedNames;
        this.allowedRanges = allowedRanges;
        this.deniedNames = deniedNames;
        this.deniedRanges = deniedRanges;
        this.denyPrivate = denyPrivate;
        this.needsAddresses = denyPrivate || !allowedRanges.isEmpty() || !deniedRanges.isEmpty();
    }

    /**
     * Builds a policy from configured rules.
     *
     * @throws IllegalArgumentException for a malformed rule
     */
    static HostPolicy of(String[] allowed, String[] denied, boolean denyPrivate) {
        List<String> allowedNames = new ArrayList<>();
        List<AddressRange> allowedRanges = new ArrayList<>();
        List<String> deniedNames = new ArrayList<>();
        List<AddressRange> deniedRanges = new ArrayList<>();
        split(allowed, allowedNames, allowedRanges);
        split(denied, deniedNames, deniedRanges);
        if (allowedNames.isEmpty() && allowedRanges.isEmpty() && deniedNames.isEmpty() && deniedRanges.isEmpty()
                && !denyPrivate) {
            return OPEN;
        }
        return new HostPolicy(List.copyOf(allowedNames), List.copyOf(allowedRanges), List.copyOf(deniedNames),
                List.copyOf(deniedRanges), denyPrivate);
    }

    /**
     * Checks a host. Completes at once unless the host name has to be resolved, which then
     * happens on {@code executor}; fails with a {@link HttpFailure} of kind
     * {@link HttpFailure.Kind#DENIED_HOST} or {@link HttpFailure.Kind#UNKNOWN_HOST}.
     */
    CompletableFuture<Void> check(String host, Executor executor) {
        if (this == OPEN) {
            return CompletableFuture.completedFuture(null);
        }
        String name = normalize(host);
        boolean literal = AddressRange.isLiteral(name);
        if (!needsAddresses) {
            return decided(name, literal, List.of());
        }
        if (literal) {
            return decided(name, true, List.of(AddressRange.literal(name)));
        }
        String deniedByName = deniedByName(name);
        if (deniedByName != null) {
            return decided(name, false, List.of()); // denied by its name: no need to ask DNS about it
        }
        return CompletableFuture.supplyAsync(() -> resolve(name), executor)
                .thenCompose(addresses -> decided(name, false, addresses));
    }

    private CompletableFuture<Void> decided(String name, boolean literal, List<InetAddress> addresses) {
        String denial = denial(name, literal, addresses);
        return denial == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new HttpFailure(HttpFailure.Kind.DENIED_HOST, denial));
    }

    /** Why the host is denied, or {@code null} when it is allowed. */
    String denial(String name, boolean literal, List<InetAddress> addresses) {
        if (!literal) {
            String deniedByName = deniedByName(name);
            if (deniedByName != null) {
                return deniedByName;
            }
        }
        for (InetAddress address : addresses) {
            for (AddressRange range : deniedRanges) {
                if (range.contains(address)) {
                    return "host " + name + " (" + address.getHostAddress() + ") is denied (rule " + range + ")";
                }
            }
        }
        boolean explicitlyAllowed = explicitlyAllowed(name, literal, addresses);
        if ((!allowedNames.isEmpty() || !allowedRanges.isEmpty()) && !explicitlyAllowed) {
            return "host " + name + " is not among the allowed hosts";
        }
        if (denyPrivate && !explicitlyAllowed) {
            for (InetAddress address : addresses) {
                if (isInternal(address)) {
                    return "host " + name + " is or resolves to the internal address " + address.getHostAddress()
                            + ", and internal addresses are denied";
                }
            }
        }
        return null;
    }

    private String deniedByName(String name) {
        for (String pattern : deniedNames) {
            if (matches(pattern, name)) {
                return "host " + name + " is denied (rule " + pattern + ")";
            }
        }
        return null;
    }

    private boolean explicitlyAllowed(String name, boolean literal, List<InetAddress> addresses) {
        if (!literal) {
            for (String pattern : allowedNames) {
                if (matches(pattern, name)) {
                    return true;
                }
            }
        }
        if (addresses.isEmpty() || allowedRanges.isEmpty()) {
            return false;
        }
        for (InetAddress address : addresses) {
            if (allowedRanges.stream().noneMatch(range -> range.contains(address))) {
                return false;
            }
        }
        return true;
    }

    /** Loopback, private, link-local (cloud metadata), multicast, unspecified and reserved addresses. */
    static boolean isInternal(InetAddress address) {
        if (address instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress()) {
            byte[] bytes = v6.getAddress();
            try {
                return isInternal(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
            } catch (UnknownHostException e) {
                return true; // cannot happen for four bytes; deny if it did
            }
        }
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        if (address instanceof Inet4Address && address.getAddress()[0] == (byte) 255) {
            return true; // broadcast
        }
        for (AddressRange range : INTERNAL) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<InetAddress> resolve(String name) {
        try {
            return List.of(InetAddress.getAllByName(name));
        } catch (UnknownHostException e) {
            throw new CompletionException(new HttpFailure(HttpFailure.Kind.UNKNOWN_HOST, "unknown host " + name, e));
        }
    }

    private static boolean matches(String pattern, String name) {
        if (pattern.startsWith("*.")) {
            return name.endsWith(pattern.substring(1));
        }
        return pattern.equals(name);
    }

    private static String normalize(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static void split(String[] rules, List<String> names, List<AddressRange> ranges) {
        for (String rule : rules == null ? new String[0] : rules) {
            String trimmed = rule.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String bare = trimmed.contains("/") ? trimmed.substring(0, trimmed.indexOf('/')) : trimmed;
            if (AddressRange.isLiteral(normalize(bare))) {
                ranges.add(AddressRange.parse(trimmed.startsWith("[") ? normalizeBrackets(trimmed) : trimmed));
            } else if (trimmed.contains("/") || trimmed.indexOf('*', 1) >= 0
                    || (trimmed.startsWith("*") && !trimmed.startsWith("*."))) {
                throw new IllegalArgumentException("bad host rule " + rule + ": use a name, *.suffix, an address or a CIDR range");
            } else {
                names.add(normalize(trimmed));
            }
        }
    }

    private static String normalizeBrackets(String rule) {
        return rule.replace("[", "").replace("]", "");
    }
}
