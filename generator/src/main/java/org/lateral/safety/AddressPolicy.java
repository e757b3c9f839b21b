package org.lateral.safety;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which network addresses Lateral may fetch from: the one policy for everything that fetches
 * (the hub's feeds, and later calendars, community files, {@code check --external}, publish's
 * pings and import's media), against server-side request forgery (SSRF).
 *
 * <p>By default only public internet addresses are allowed. Refused, for the first request and
 * for every redirect, and checked on the addresses the host name <em>resolves</em> to (every one
 * of them, so a name with one public and one internal address is refused):
 * <ul>
 *   <li>loopback ({@code 127.0.0.0/8}, {@code ::1}) and "this network" ({@code 0.0.0.0/8},
 *       {@code ::});</li>
 *   <li>private networks (RFC 1918: {@code 10/8}, {@code 172.16/12}, {@code 192.168/16}) and
 *       unique-local IPv6 ({@code fc00::/7}), the old site-local {@code fec0::/10};</li>
 *   <li>link-local ({@code 169.254/16}, where cloud metadata services live, and {@code fe80::/10});</li>
 *   <li>carrier-grade NAT ({@code 100.64/10}), IETF protocol assignments ({@code 192.0.0/24}),
 *       benchmarking ({@code 198.18/15}), documentation ranges, reserved ({@code 240/4}) and
 *       broadcast;</li>
 *   <li>multicast ({@code 224/4}, {@code ff00::/8});</li>
 *   <li>IPv6 forms that carry one of the IPv4 addresses above: IPv4-mapped ({@code ::ffff:a.b.c.d}),
 *       IPv4-compatible ({@code ::a.b.c.d}), NAT64 ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16}).</li>
 * </ul>
 * A site that really reads from such addresses (a hub on an intranet, tests on loopback) allows
 * them explicitly: {@code network: { allow: ["127.0.0.1", "10.1.0.0/16"] }} in {@code site.yaml},
 * {@code --allow-address} on the command line, {@code lateral.allowAddresses} in Maven.
 *
 * <pre>{@code
 * AddressPolicy policy = AddressPolicy.publicOnly().allowing(List.of("127.0.0.1"));
 * Optional<String> why = policy.refusal(URI.create("http://10.0.0.5/feed"));
 * // "the address 10.0.0.5 is on a private network"
 * }</pre>
 *
 * <p><b>What this cannot do.</b> The JDK's HttpClient resolves the host name again when it
 * connects, and offers no hook to connect to an address chosen beforehand (for https the name is
 * needed for the certificate anyway). The second lookup is answered from the JVM's DNS cache, which
 * keeps the checked answer for {@code networkaddress.cache.ttl} (30 s by default), so a DNS server
 * cannot switch the answer between the check and the connection unless that cache is turned off.
 * Do not set {@code networkaddress.cache.ttl=0} on a machine that runs a public hub; a firewall that
 * stops the hub's machine from reaching internal services is the stronger defence.
 *
 * <p>Immutable and thread-safe.
 */
public final class AddressPolicy {

    /** A range of addresses: an IPv4 or IPv6 network and its prefix length. */
    public record Range(byte[] network, int prefix, String written) {
        public Range {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(written, "written");
            network = network.clone();
        }

        /** True when {@code address} (4 or 16 bytes) lies in this range. */
        public boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Range r && r.prefix == prefix && java.util.Arrays.equals(r.network, network);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(network) * 31 + prefix;
        }

        @Override
        public String toString() {
            return written;
        }
    }

    /** A refused range and how it is described to people. */
    private record Blocked(Range range, String what) {
    }

    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(?:\\.\\d{1,3}){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");

    private static final List<Blocked> BLOCKED = List.of(
            blocked("0.0.0.0/8", "the \"unspecified\" address 0.0.0.0 (this machine)"),
            blocked("127.0.0.0/8", "a loopback address (this machine)"),
            blocked("10.0.0.0/8", "on a private network"),
            blocked("172.16.0.0/12", "on a private network"),
            blocked("192.168.0.0/16", "on a private network"),
            blocked("100.64.0.0/10", "a carrier-grade NAT (shared, internal) address"),
            blocked("169.254.0.0/16", "a link-local address (such as a cloud server's metadata service)"),
            blocked("192.0.0.0/24", "reserved for protocol use"),
            blocked("192.0.2.0/24", "reserved for documentation"),
            blocked("198.51.100.0/24", "reserved for documentation"),
            blocked("203.0.113.0/24", "reserved for documentation"),
            blocked("198.18.0.0/15", "reserved for network testing"),
            blocked("224.0.0.0/4", "a multicast address"),
            blocked("240.0.0.0/4", "a reserved address"),
            blocked("::/128", "the \"unspecified\" address :: (this machine)"),
            blocked("::1/128", "a loopback address (this machine)"),
            blocked("fc00::/7", "a unique-local (private network) address"),
            blocked("fec0::/10", "a site-local (private network) address"),
            blocked("fe80::/10", "a link-local address"),
            blocked("ff00::/8", "a multicast address"),
            blocked("2001:db8::/32", "reserved for documentation"));

    private static final Range MAPPED = range("::ffff:0:0/96");
    private static final Range COMPATIBLE = range("::/96");
    private static final Range NAT64 = range("64:ff9b::/96");
    private static final Range SIX_TO_FOUR = range("2002::/16");

    private static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(List.of());

    private final List<Range> allowed;

    private AddressPolicy(List<Range> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** The default: public internet addresses only. */
    public static AddressPolicy publicOnly() {
        return PUBLIC_ONLY;
    }

    /**
     * This policy, also allowing the given addresses or CIDR ranges ({@code "127.0.0.1"},
     * {@code "10.1.0.0/16"}, {@code "::1"}, {@code "fd00::/8"}).
     *
     * @throws IllegalArgumentException with {@link #problemWith}'s words for the first bad entry
     */
    public AddressPolicy allowing(Collection<String> entries) {
        Objects.requireNonNull(entries, "entries");
        List<Range> all = new ArrayList<>(allowed);
        for (String entry : entries) {
            Optional<String> problem = problemWith(entry);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(problem.get());
            }
            Range r = range(entry.strip());
            if (!all.contains(r)) {
                all.add(r);
            }
        }
        return new AddressPolicy(all);
    }

    /** The ranges allowed on top of the public internet, as written. */
    public List<String> allowed() {
        return allowed.stream().map(Range::written).toList();
    }

    /**
     * What is wrong with an allow-list entry, in words for a {@code Problem}; empty when it is a
     * valid address or CIDR range. Host names are not accepted: the policy is about addresses.
     */
    public static Optional<String> problemWith(String entry) {
        if (entry == null || entry.isBlank()) {
            return Optional.of("an empty entry is not an address");
        }
        String text = entry.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        Optional<byte[]> bytes = literal(address);
        if (bytes.isEmpty()) {
            return Optional.of("\"" + text + "\" is not an IP address or a range such as 10.1.0.0/16"
                    + (address.chars().anyMatch(Character::isLetter) && !address.contains(":")
                    ? " (host names are not accepted: write the address they resolve to)" : ""));
        }
        if (slash >= 0) {
            String prefix = text.substring(slash + 1);
            int max = bytes.get().length * 8;
            if (!prefix.matches("\\d{1,3}") || Integer.parseInt(prefix) > max) {
                return Optional.of("\"" + text + "\" has a range size after the / that is not a number from 0 to "
                        + max);
            }
        }
        return Optional.empty();
    }

    /**
     * Why {@code uri}'s host may not be fetched, or empty when it may. The host is resolved (DNS)
     * and every address it resolves to is checked.
     *
     * @throws UnknownHostException when the name does not resolve
     */
    public Optional<String> refusal(URI uri) throws UnknownHostException {
        Objects.requireNonNull(uri, "uri");
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("the address has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            Optional<String> why = refusal(address);
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    /** Why one resolved address may not be fetched, or empty when it may. */
    public Optional<String> refusal(InetAddress address) {
        Objects.requireNonNull(address, "address");
        byte[] bytes = address.getAddress();
        if (isAllowed(bytes)) {
            return Optional.empty();
        }
        Optional<String> what = blockedReason(bytes);
        return what.map(w -> "the address " + address.getHostAddress() + " is " + w);
    }

    /**
     * True when {@code host} (as written in an address, not resolved) is certainly not a public
     * internet host: an IP literal in a refused range (unless allowed), {@code localhost} and
     * {@code *.localhost}, or a name without any dot. For checks that must not touch the network,
     * such as the sanitiser's handling of pictures.
     */
    public boolean isCertainlyInternal(String host) {
        if (host == null || host.isBlank()) {
            return true;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        Optional<byte[]> literal = literal(h);
        if (literal.isPresent()) {
            return !isAllowed(literal.get()) && blockedReason(literal.get()).isPresent();
        }
        if (h.matches("[0-9.]+") || h.matches("0x[0-9a-f.x]+")) {
            return true; // a number written another way (2130706433, 0x7f.1): no public site is named so
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".local") || h.endsWith(".internal")
                || !h.contains(".");
    }

    private boolean isAllowed(byte[] bytes) {
        for (Range r : allowed) {
            if (r.contains(bytes)) {
                return true;
            }
        }
        Optional<byte[]> embedded = embeddedIpv4(bytes);
        if (embedded.isPresent()) {
            for (Range r : allowed) {
                if (r.contains(embedded.get())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<String> blockedReason(byte[] bytes) {
        Optional<byte[]> embedded = embeddedIpv4(bytes);
        if (embedded.isPresent()) {
            Optional<String> inner = blockedReason(embedded.get());
            if (inner.isPresent()) {
                return inner.map(w -> w + " (written as IPv6)");
            }
        }
        for (Blocked b : BLOCKED) {
            if (b.range().contains(bytes)) {
                return Optional.of(b.what());
            }
        }
        if (bytes.length == 4 && (bytes[0] & 0xFF) == 255 && (bytes[1] & 0xFF) == 255) {
            return Optional.of("the broadcast address");
        }
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
    private static Optional<byte[]> embeddedIpv4(byte[] bytes) {
        if (bytes.length != 16) {
            return Optional.empty();
        }
        if (MAPPED.contains(bytes) || NAT64.contains(bytes)
                || COMPATIBLE.contains(bytes) && !(bytes[12] == 0 && bytes[13] == 0 && bytes[14] == 0)) {
            return Optional.of(java.util.Arrays.copyOfRange(bytes, 12, 16));
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return Optional.of(java.util.Arrays.copyOfRange(bytes, 2, 6));
        }
        return Optional.empty();
    }

    /**
     * The bytes of an IP literal, without any DNS lookup: dotted IPv4 with four parts, or IPv6
     * (with or without brackets); empty for anything else.
     */
    static Optional<byte[]> literal(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (IPV4.matcher(t).matches()) {
            byte[] out = new byte[4];
            String[] parts = t.split("\\.");
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return Optional.empty();
                }
                out[i] = (byte) v;
            }
            return Optional.of(out);
        }
        if (IPV6.matcher(t).matches() && !t.contains("%")) {
            try {
                // In brackets the JDK parses it as an IPv6 literal or refuses it: never a DNS lookup.
                byte[] b = InetAddress.getByName("[" + t + "]").getAddress();
                if (b.length == 4) { // Java turns ::ffff:a.b.c.d into IPv4; keep the IPv6 form
                    byte[] v6 = new byte[16];
                    v6[10] = (byte) 0xFF;
                    v6[11] = (byte) 0xFF;
                    System.arraycopy(b, 0, v6, 12, 4);
                    return Optional.of(v6);
                }
                return Optional.of(b);
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Range range(String written) {
        int slash = written.indexOf('/');
        byte[] bytes = literal(slash < 0 ? written : written.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("not an address: " + written));
        int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(written.substring(slash + 1));
        return new Range(bytes, prefix, written);
    }

    private static Blocked blocked(String cidr, String what) {
        return new Blocked(range(cidr), what);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressPolicy p && p.allowed.equals(allowed);
    }

    @Override
    public int hashCode() {
        return allowed.hashCode();
    }

    @Override
    public String toString() {
        return allowed.isEmpty() ? "public addresses only" : "public addresses and " + allowed();
    }
}
