package org.lateral.publish;

import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.lateral.safety.AddressPolicy;

/**
 * Whether pings and Webmentions may go to an address: the reason one is refused, if it is. Backed by
 * the shared {@link AddressPolicy} (public addresses only, plus site.yaml's {@code network: allow:}
 * and {@code --allow-address}), checked for the first request and every redirect.
 */
@FunctionalInterface
interface AddressCheck {

    /** Why a request to {@code uri} may not be made; empty when it may. */
    Optional<String> refusal(URI uri);

    /** The shared policy as a check; a host that does not resolve is refused with the reason. */
    static AddressCheck of(AddressPolicy policy) {
        return uri -> {
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                return Optional.of("only http and https addresses are used");
            }
            try {
                return policy.refusal(uri);
            } catch (UnknownHostException e) {
                return Optional.of("the host " + uri.getHost() + " is not known");
            }
        };
    }
}
