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
            problems.add(Problem.general("the digest of " + week.get().week() + " was already sent on " + before.get(),
                    "to send it once more, add --again" + (request.caller() == org.lateral.Caller.MAVEN
                            ? " (-Dlateral.again=true)" : "")));
        }
        if (!problems.isEmpty()) {
            throw new LateralException(problems);
        }
        List<String> delivered = deliver(mail.get(), password, to, week.get().subject(),
                new String(html.get(), StandardCharsets.UTF_8), new String(text.get(), StandardCharsets.UTF_8));
        sent.remember(week.get().week(), Instant.now(), delivered.size());
        return new DigestSendResult(week.get().week(), week.get().subject(), delivered, before.isPresent());
    }

    /** Sends within the whole send's deadline, on a worker: past it, the caller is told and the worker abandoned. */
    private static List<String> deliver(MailConfig mail, Optional<String> password, List<InternetAddress> to,
            String subject, String html, String text) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lateral-digest-send");
            t.setDaemon(true);
            return t;
        });
        Future<List<String>> sending = worker.submit(() -> DigestMailer.send(mail, password, to, subject, html, text));
        String fix = "check hub.mail (host " + mail.host() + ", port " + mail.port() + ", starttls, user) and that this"
                + " machine may reach the server; the week is not marked as sent, so the next send goes to every address";
        try {
            return sending.get(mail.deadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sending.cancel(true);
            throw new LateralException(Problem.general("sending the digest took longer than its deadline of "
                    + mail.deadline().toSeconds() + " s, so it was stopped", fix));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DigestMailer.SendFailed f) {
                throw new LateralException(Problem.general("the mail server " + mail.host() + ":" + mail.port()
                        + " did not take the digest" + (f.sent.isEmpty() ? "" : " for every address (sent to "
                        + String.join(", ", f.sent) + ")") + ": " + f.getMessage(), fix));
            }
            throw new IllegalStateException("sending the digest failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LateralException(Problem.general("sending the digest was interrupted", fix));
        } finally {
            worker.shutdownNow();
        }
    }

    private static Optional<byte[]> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
