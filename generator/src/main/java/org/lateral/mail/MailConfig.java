package org.lateral.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.lateral.Problem;
import org.lateral.config.YamlNode;
import org.lateral.internal.Suggestions;

/**
 * The hub's {@code mail:} settings, for {@code lateral digest send}:
 *
 * <pre>{@code
 * hub:
 *   mail:
 *     host: smtp.school.example
 *     port: 587                         # default 587
 *     starttls: true                    # default true: refuse to send unencrypted
 *     user: digest@school.example       # optional: no login when absent
 *     passwordEnv: LATERAL_SMTP_PASSWORD  # the environment variable holding the password
 *     from: "Cwm Valley network <organiser@school.example>"
 *     unsubscribe: mailto:organiser@school.example?subject=unsubscribe  # default: the from address
 *     deadline: 60                      # seconds for the whole send
 * }</pre>
 *
 * A {@code password:} key is an error: site.yaml is shared with the hub's sources, so a password
 * there is a password published.
 *
 * @param unsubscribe the {@code List-Unsubscribe} address: the organiser
 */
public record MailConfig(String host, int port, boolean starttls, Optional<String> user, Optional<String> passwordEnv,
                         String from, URI unsubscribe, Duration deadline) {

    static final Set<String> KEYS = Set.of("host", "port", "starttls", "user", "passwordEnv", "from", "unsubscribe",
            "deadline");
    static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(60);
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public MailConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordEnv, "passwordEnv");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(unsubscribe, "unsubscribe");
        Objects.requireNonNull(deadline, "deadline");
    }

    /**
     * Reads {@code hub.mail}; each mistake a problem at its line.
     *
     * @return empty when the section is absent or wrong
     */
    public static Optional<MailConfig> read(Optional<YamlNode> section, Path file, List<Problem> problems) {
        if (section.isEmpty() || section.get().isNull()) {
            return Optional.empty();
        }
        YamlNode m = section.get();
        if (!m.isMap()) {
            problems.add(Problem.error(file, m.line(), m.column(), "mail: must hold settings such as host: and from:",
                    "write e.g. mail: { host: smtp.school.example, from: organiser@school.example }"));
            return Optional.empty();
        }
        int before = problems.size();
        for (String key : m.asMap().keySet()) {
            if (key.equalsIgnoreCase("password") || key.equalsIgnoreCase("pass")) {
                problems.add(Problem.error(file, m.keyLine(key), m.keyColumn(key),
                        "the SMTP password must not be written in site.yaml: it is kept with the hub's files, and anyone"
                                + " who reads them could send mail as you",
                        "remove " + key + ": and add passwordEnv: LATERAL_SMTP_PASSWORD, then set that environment"
                                + " variable to the password where you run lateral digest send"));
            } else if (!KEYS.contains(key)) {
                Optional<String> near = Suggestions.closest(key, KEYS);
                problems.add(Problem.error(file, m.keyLine(key), m.keyColumn(key),
                        "unknown setting \"" + key + "\" in mail" + near.map(n -> "; did you mean `" + n + "`?").orElse(""),
                        near.map(n -> "rename it to " + n).orElse("use one of " + String.join(", ", KEYS.stream().sorted().toList()))));
            }
        }
        String host = text(m, "host").orElse("");
        if (host.isEmpty() || !host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            at(problems, file, m.get("host").orElse(m), host.isEmpty() ? "mail: has no host"
                    : "the mail host \"" + host + "\" is not a server name", "write the SMTP server's name, e.g. host: smtp.school.example");
        }
        int port = 587;
        Optional<YamlNode> portNode = m.get("port").filter(n -> !n.isNull());
        if (portNode.isPresent()) {
            if (portNode.get().value() instanceof Long l && l > 0 && l < 65536) {
                port = l.intValue();
            } else {
                at(problems, file, portNode.get(), "the mail port must be a number from 1 to 65535, not \""
                        + portNode.get().value() + "\"", "write e.g. port: 587 (STARTTLS) or port: 25");
            }
        }
        boolean starttls = true;
        Optional<YamlNode> tls = m.get("starttls").filter(n -> !n.isNull());
        if (tls.isPresent()) {
            if (tls.get().value() instanceof Boolean b) {
                starttls = b;
            } else {
                at(problems, file, tls.get(), "starttls must be true or false", "write starttls: true");
            }
        }
        Optional<String> user = text(m, "user").filter(u -> !u.isEmpty());
        Optional<String> env = text(m, "passwordEnv").filter(u -> !u.isEmpty());
        if (env.isPresent() && !ENV.matcher(env.get()).matches()) {
            at(problems, file, m.get("passwordEnv").get(), "passwordEnv must be the name of an environment variable, not \""
                    + env.get() + "\"", "write e.g. passwordEnv: LATERAL_SMTP_PASSWORD (letters, digits and _)");
        }
        boolean written = m.asMap().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("password") || k.equalsIgnoreCase("pass"));
        if (user.isPresent() && env.isEmpty() && !written) {
            at(problems, file, m.get("user").get(), "mail: names a user but not where its password is",
                    "add passwordEnv: LATERAL_SMTP_PASSWORD and set that environment variable to the password");
        }
        String from = text(m, "from").orElse("");
        InternetAddress fromAddress = null;
        if (from.isEmpty()) {
            at(problems, file, m, "mail: has no from address (the organiser's)",
                    "add e.g. from: \"Cwm Valley network <organiser@school.example>\"");
        } else {
            try {
                fromAddress = new InternetAddress(from, true);
            } catch (AddressException e) {
                at(problems, file, m.get("from").get(), "the from address \"" + from + "\" is not an e-mail address",
                        "write e.g. from: \"Cwm Valley network <organiser@school.example>\"");
            }
        }
        URI unsubscribe = null;
        Optional<String> unsub = text(m, "unsubscribe").filter(u -> !u.isEmpty());
        if (unsub.isPresent()) {
            try {
                unsubscribe = new URI(unsub.get());
                String scheme = Optional.ofNullable(unsubscribe.getScheme()).orElse("").toLowerCase(Locale.ROOT);
                if (!Set.of("mailto", "https", "http").contains(scheme)) {
                    throw new java.net.URISyntaxException(unsub.get(), "not mailto: or https:");
                }
            } catch (java.net.URISyntaxException e) {
                at(problems, file, m.get("unsubscribe").get(), "unsubscribe \"" + unsub.get()
                        + "\" is neither a mailto: nor a web address", "write e.g. unsubscribe: mailto:organiser@school.example?subject=unsubscribe");
                unsubscribe = null;
            }
        } else if (fromAddress != null) {
            unsubscribe = URI.create("mailto:" + fromAddress.getAddress() + "?subject=unsubscribe");
        }
        Duration deadline = DEFAULT_DEADLINE;
        Optional<YamlNode> d = m.get("deadline").filter(n -> !n.isNull());
        if (d.isPresent()) {
            if (d.get().value() instanceof Long l && l >= 1 && l <= 3600) {
                deadline = Duration.ofSeconds(l);
            } else {
                at(problems, file, d.get(), "deadline must be a number of seconds from 1 to 3600", "write e.g. deadline: 60");
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new MailConfig(host, port, starttls, user, env, from, unsubscribe, deadline));
    }

    private static Optional<String> text(YamlNode m, String key) {
        return m.get(key).filter(YamlNode::isScalar).flatMap(YamlNode::text).map(String::strip);
    }

    private static void at(List<Problem> problems, Path file, YamlNode node, String message, String fix) {
        problems.add(Problem.error(file, node.line(), node.column(), message, fix));
    }
}
