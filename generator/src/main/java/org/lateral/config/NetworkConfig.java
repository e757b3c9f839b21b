package org.lateral.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.safety.AddressPolicy;

/**
 * The {@code network:} section of {@code site.yaml}: what Lateral may fetch from. Everything that
 * fetches (the hub, and later calendars, link checks, pings, imports) uses its {@link #policy()}.
 *
 * <pre>{@code
 * network:
 *   allow: ["127.0.0.1", "10.1.0.0/16"]   # internal addresses this site may fetch from
 * }</pre>
 *
 * @param allow addresses or CIDR ranges allowed on top of the public internet, as written
 */
public record NetworkConfig(List<String> allow) {

    /** Public addresses only. */
    public static final NetworkConfig DEFAULT = new NetworkConfig(List.of());

    public NetworkConfig {
        allow = List.copyOf(allow);
    }

    /** The address policy: public addresses, and those allowed here. */
    public AddressPolicy policy() {
        return AddressPolicy.publicOnly().allowing(allow);
    }

    /**
     * The policy with addresses given on the command line or in Maven ({@code --allow-address},
     * {@code -Dlateral.allowAddresses}) allowed on top of this section's.
     *
     * @throws LateralException naming each of {@code extra} that is neither an address nor a range
     */
    public AddressPolicy policyAllowing(List<String> extra) {
        List<Problem> problems = new ArrayList<>();
        for (String entry : extra) {
            AddressPolicy.problemWith(entry).ifPresent(p -> problems.add(Problem.general("--allow-address " + p,
                    "give an IP address (127.0.0.1, ::1) or a range in CIDR form (10.1.0.0/16)")));
        }
        if (!problems.isEmpty()) {
            throw new LateralException(problems);
        }
        return policy().allowing(extra);
    }

    /** Reads {@code network:}; each mistake goes into {@code problems} with its line and column. */
    static NetworkConfig read(Optional<YamlNode> section, Path file, List<Problem> problems) {
        if (section.isEmpty() || section.get().isNull()) {
            return DEFAULT;
        }
        YamlNode network = section.get();
        String example = "write it as: network: { allow: [\"127.0.0.1\", \"10.1.0.0/16\"] }";
        if (!network.isMap()) {
            problems.add(Problem.error(file, network.line(), network.column(),
                    "network: must hold settings such as allow:, not a single value", example));
            return DEFAULT;
        }
        for (String key : network.asMap().keySet()) {
            if (!Set.of("allow").contains(key)) {
                problems.add(Problem.error(file, network.keyLine(key), network.keyColumn(key),
                        "network: has no setting \"" + key + "\"", "the only setting is allow:; " + example));
            }
        }
        Optional<YamlNode> allowNode = network.get("allow").filter(n -> !n.isNull());
        if (allowNode.isEmpty()) {
            return DEFAULT;
        }
        List<YamlNode> items = allowNode.get().isList() ? allowNode.get().asList() : List.of(allowNode.get());
        List<String> allow = new ArrayList<>();
        for (YamlNode item : items) {
            String text = item.isScalar() ? item.text().orElse("").strip() : "";
            Optional<String> problem = item.isScalar() ? AddressPolicy.problemWith(text)
                    : Optional.of("each entry of allow: must be one address or range");
            if (problem.isPresent()) {
                problems.add(Problem.error(file, item.line(), item.column(), "network: allow: " + problem.get(),
                        "write an IP address (127.0.0.1, ::1) or a range in CIDR form (10.1.0.0/16), one per entry"));
            } else {
                allow.add(text);
            }
        }
        return new NetworkConfig(allow);
    }
}
