package org.lateral.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lateral.DigestSendRequest;
import org.lateral.DigestSendResult;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.aggregate.DigestFile;
import org.lateral.aggregate.HubConfig;
import org.lateral.aggregate.HubConfigReader;
import org.lateral.config.SiteConfig;
import org.lateral.config.SiteConfigLoader;
import org.lateral.config.YamlNode;

/**
 * {@code lateral digest send}: e-mails the latest digest of the hub built by the last
 * {@code lateral aggregate} (its {@code digest/email.html}, {@code digest/digest.txt} and the week
 * in {@code digest/digest.json}) through {@code hub.mail}, once per week unless asked
 * {@code again}. Every mistake (no {@code mail:}, no digest yet, an address that is not one, the
 * password's variable not set, a week already sent) is a problem saying what to do; nothing is sent
 * then. Use it through {@link org.lateral.Lateral#sendDigest}.
 */
public final class DigestSender {

    private DigestSender() {
    }

    public static DigestSendResult send(DigestSendRequest request) {
        Path hubDir = request.hubDir().toAbsolutePath().normalize();
        Path output = request.output().orElse(hubDir.resolve("public")).toAbsolutePath().normalize();
        List<Problem> warnings = new ArrayList<>();
        SiteConfig config = SiteConfigLoader.load(hubDir, warnings, request.caller());
        Path file = Path.of(SiteConfigLoader.find(hubDir).orElseThrow().getFileName().toString());
        HubConfig hub = HubConfigReader.read(config.hub(), hubDir, file, output, URI.create(config.baseUrl()),
                warnings, hubDir.getRoot(), config.network().policyAllowing(List.of()), // sending reads no member feed
                request.cache().orElse(hubDir.resolve(".lateral-cache")));
        List<Problem> problems = new ArrayList<>();
        Optional<YamlNode> mailNode = config.hub().filter(YamlNode::isMap).flatMap(h -> h.get("mail"));
        Optional<MailConfig> mail = MailConfig.read(mailNode, file, problems);
        if (mailNode.isEmpty()) {
            problems.add(Problem.error(file, 0, 0, "site.yaml's hub: section has no mail: settings, so the digest"
                    + " cannot be sent", "add under hub: e.g. mail: { host: smtp.school.example, from: \"Cwm Valley"
                    + " network <organiser@school.example>\", user: organiser@school.example, passwordEnv:"
                    + " LATERAL_SMTP_PASSWORD }"));
        }
        List<InternetAddress> to = new ArrayList<>();
        for (String address : request.to()) {
            try {
                InternetAddress[] parsed = InternetAddress.parse(address, true);
                for (InternetAddress a : parsed) {
                    a.validate();
                    to.add(a);
                }
            } catch (AddressException e) {
                problems.add(Problem.general("\"" + address + "\" is not an e-mail address",
                        "give each address after --to as name@school.example"));
            }
        }
        if (request.to().isEmpty()) {
            problems.add(Problem.general("no address to send the digest to", "name them: --to staff-cpd@school.example"));
        }
        Path digestDir = output.resolve("digest");
        Optional<DigestFile.Week> week = read(digestDir.resolve(DigestFile.FILE)).flatMap(DigestFile::read);
        Optional<byte[]> html = read(digestDir.resolve("email.html"));
        Optional<byte[]> text = read(digestDir.resolve("digest.txt"));
        if (week.isEmpty() || html.isEmpty() || text.isEmpty()) {
            problems.add(Problem.general("there is no digest to send in " + output + " (digest/digest.json, email.html"
                    + " and digest.txt)", "build the hub first with lateral aggregate"
                    + (request.output().isPresent() ? " -o " + output : "") + ", then send"));
        } else if (week.get().posts() == 0) {
            problems.add(Problem.general("the latest digest (" + week.get().week() + ") has no posts, so there is"
                    + " nothing to send", "send it once members have posted and lateral aggregate has run"));
        }
        Optional<String> password = Optional.empty();
        if (mail.isPresent() && mail.get().passwordEnv().isPresent()) {
            String name = mail.get().passwordEnv().get();
            password = Optional.ofNullable(request.env().get(name)).filter(p -> !p.isEmpty());
            if (password.isEmpty()) {
                problems.add(Problem.general("the environment variable " + name + " (hub.mail.passwordEnv) is not set,"
                        + " so Lateral has no SMTP password", "set it where you run the command, e.g. export " + name
                        + "='…' (or your CI's secret settings), then send again"));
            }
        }
        SentWeeks sent = new SentWeeks(hub.settings().cacheDir());
        Optional<Instant> before = week.flatMap(w -> sent.sent(w.week()));
        if (before.isPresent() && !request.again()) {
            problems.add(Problem.general("the digest of " + week.get().week() + " was already sent, on "
                    + WHEN.format(before.get().atZone(config.timezone())) + sent.addresses(week.get().week())
                    .map(n -> " to " + n + (n == 1 ? " address" : " addresses")).orElse(""),
                    "to send it once more, add --again" + (request.caller() == org.lateral.Caller.MAVEN
                            ? " (-Dlateral.again=true)" : "")));
        }
        if (!problems.isEmpty()) {
            throw new LateralException(problems, "the digest was not sent to anyone");
        }
        String name = week.get().week();
        List<String> delivered = deliver(mail.get(), name, to, rest -> sendAgain(request, rest), password,
                week.get().subject(),
                new String(html.get(), StandardCharsets.UTF_8), new String(text.get(), StandardCharsets.UTF_8));
        try {
            sent.remember(name, Instant.now(), delivered.size());
        } catch (java.io.UncheckedIOException e) {
            throw new java.io.UncheckedIOException("the digest of " + name + " was sent to " + count(delivered.size())
                    + ", but Lateral could not note that in " + sent.file() + ", so a next send would not know"
                    + " (check that the folder may be written)", e.getCause());
        }
        return new DigestSendResult(name, week.get().subject(), delivered, before.isPresent());
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM uuuu 'at' HH:mm (zzz)", java.util.Locale.UK);

    private static String count(int n) {
        return n + (n == 1 ? " address" : " addresses");
    }

    /**
     * Sends within the whole send's deadline, on a worker: past it, the caller is told who has the
     * digest so far and the worker is abandoned. A refusal is the organiser's to fix (a wrong host,
     * port, password or address): a {@link LateralException} saying who got the digest, who did
     * not, and what to do; the week is not marked as sent.
     */
    private static List<String> deliver(MailConfig mail, String week, List<InternetAddress> to,
            java.util.function.Function<List<String>, String> again, Optional<String> password, String subject,
            String html, String text) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lateral-digest-send");
            t.setDaemon(true);
            return t;
        });
        List<String> sentSoFar = new java.util.concurrent.CopyOnWriteArrayList<>();
        Future<List<String>> sending = worker.submit(() -> DigestMailer.send(mail, password, to, subject, html, text,
                sentSoFar));
        try {
            return sending.get(mail.deadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sending.cancel(true);
            throw refused(mail, week, to, again, List.copyOf(sentSoFar), DigestMailer.Refusal.DEADLINE,
                    "it took longer than its deadline of " + mail.deadline().toSeconds() + " s, so it was stopped");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DigestMailer.SendFailed f) {
                throw refused(mail, week, to, again, f.sent, f.refusal, f.getMessage());
            }
            throw new IllegalStateException("sending the digest of " + week + " failed after it was sent to "
                    + (sentSoFar.isEmpty() ? "nobody" : String.join(", ", sentSoFar)), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw refused(mail, week, to, again, List.copyOf(sentSoFar), DigestMailer.Refusal.OTHER,
                    "it was interrupted");
        } finally {
            worker.shutdownNow();
        }
    }

    /**
     * The command that sends to the addresses left, as the organiser ran the first one: the hub's
     * folder and output folder when they were given, or the Maven goal.
     */
    static String sendAgain(DigestSendRequest request, List<String> rest) {
        if (request.caller() == org.lateral.Caller.MAVEN) {
            return "mvn lateral:digest-send -Dlateral.to=" + String.join(",", rest);
        }
        StringBuilder command = new StringBuilder("lateral digest send");
        String dir = request.hubDir().toString();
        if (!dir.isEmpty() && !dir.equals(".")) {
            command.append(' ').append(shellWord(dir));
        }
        request.output().ifPresent(o -> command.append(" --output ").append(shellWord(o.toString())));
        return command.append(" --to ").append(String.join(" ", rest)).toString();
    }

    private static String shellWord(String s) {
        return s.chars().anyMatch(c -> Character.isWhitespace(c) || "'\"$`\\&;|<>()*?[]#~".indexOf(c) >= 0)
                ? "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("`", "\\`") + "\""
                : s;
    }

    private static LateralException refused(MailConfig mail, String week, List<InternetAddress> to,
            java.util.function.Function<List<String>, String> again, List<String> sent,
            DigestMailer.Refusal refusal, String why) {
        String server = mail.host() + ":" + mail.port();
        List<String> rest = to.stream().map(InternetAddress::getAddress).filter(a -> !sent.contains(a)).toList();
        String fix = switch (refusal) {
            case CONNECT -> "check hub.mail's host and port (" + server + ") in site.yaml, that the server is running"
                    + " and that this machine may reach it (a school network may block outgoing mail)";
            case LOGIN -> "check hub.mail.user (" + mail.user().orElse("none") + ") in site.yaml and the password in "
                    + mail.passwordEnv().map(v -> "the environment variable " + v).orElse("hub.mail.passwordEnv")
                    + "; some servers need an app password";
            case ADDRESS -> "check the addresses after --to, and that the server lets " + mail.from() + " send to them";
            case DEADLINE -> "try again later, or give the send more time with hub.mail.deadline (seconds) in site.yaml";
            case OTHER -> "check hub.mail in site.yaml (host " + server + ", starttls, user) against what your mail"
                    + " provider says";
        };
        if (!sent.isEmpty() && !rest.isEmpty()) {
            fix += "; then send to the others only: " + again.apply(rest);
        } else if (sent.isEmpty()) {
            fix += "; then send again";
        }
        String outcome = sent.isEmpty()
                ? "the digest of " + week + " was not sent to anyone"
                : "the digest of " + week + " was sent to " + String.join(", ", sent) + " (" + sent.size() + " of "
                        + to.size() + ") but not to " + (rest.isEmpty() ? "the others" : String.join(", ", rest))
                        + "; the week is not marked as sent";
        String what = switch (refusal) {
            case CONNECT -> "the mail server " + server + " could not be reached: " + why;
            case LOGIN -> "the mail server " + server + " refused the login of user " + mail.user().orElse("(none)")
                    + ": " + why;
            case ADDRESS -> "the mail server " + server + " refused an address: " + why;
            case DEADLINE -> "sending the digest to the mail server " + server + " was stopped: " + why;
            case OTHER -> "the mail server " + server + " did not take the digest: " + why;
        };
        return new LateralException(List.of(Problem.general(what, fix)), outcome);
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
