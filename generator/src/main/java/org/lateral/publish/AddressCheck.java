package org.lateral.publish;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Whether pings and Webmentions may go to an address: the reason one is refused, if it is. Lateral
 * never sends to loopback, private, link-local or other non-public addresses unless the site allows
 * them (tests allow {@code 127.0.0.1}).
 */
@FunctionalInterface
interface AddressCheck {

    /** Why a request to {@code uri} may not be made; empty when it may. */
    Optional<String> refusal(URI uri);

    /**
     * Public addresses only, plus the addresses in {@code allowed} (exact addresses, or a prefix such
     * as {@code 10.1.} written as a range {@code 10.1.0.0/16}).
     */
    static AddressCheck publicOnly(List<String> allowed) {
        return uri -> {
            String host = uri.getHost();
            if (host == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return Optional.of("only http and https addresses are allowed");
            }
            InetAddress[] all;
            try {
                all = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            } catch (UnknownHostException e) {
                return Optional.of("the host " + host + " is not known");
            }
            for (InetAddress a : all) {
                if (allowed.stream().anyMatch(r -> inRange(a, r))) {
                    continue;
                }
                byte[] b = a.getAddress();
                boolean cgnat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
                boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
                if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                        || a.isMulticastAddress() || cgnat || uniqueLocal) {
                    return Optional.of("the address " + a.getHostAddress() + " of " + host
                            + " is not on the public internet");
                }
            }
            return Optional.empty();
        };
    }

    private static boolean inRange(InetAddress a, String range) {
        try {
            int slash = range.indexOf('/');
            byte[] net = InetAddress.getByName(slash < 0 ? range : range.substring(0, slash)).getAddress();
            byte[] addr = a.getAddress();
            if (net.length != addr.length) {
                return false;
            }
            int prefix = slash < 0 ? net.length * 8 : Integer.parseInt(range.substring(slash + 1));
            for (int i = 0; i < prefix; i++) {
                int mask = 0x80 >> (i % 8);
                if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
