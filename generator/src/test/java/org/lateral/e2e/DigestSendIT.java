package org.lateral.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lateral.AggregateRequest;
import org.lateral.BuildRequest;
import org.lateral.DigestSendRequest;
import org.lateral.DigestSendResult;
import org.lateral.Lateral;
import org.lateral.LateralException;
import org.lateral.Problem;
import org.lateral.aggregate.fetch.LoopbackServer;
import org.lateral.cli.Main;
import org.lateral.testing.Console;
import org.lateral.testing.TestSites;

/**
 * {@code lateral digest send} against GreenMail on loopback: the latest full week's digest as
 * {@code multipart/alternative} (plain text, then HTML), the hub's title in the subject, a
 * {@code List-Unsubscribe} to the organiser, one message per address, the password from the
 * environment; the same week again only with {@code --again}; a {@code password:} in site.yaml an error.
 */
class DigestSendIT {

    static final Instant NOW = Instant.parse("2030-03-10T09:00:00Z");

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP).dynamicPort()).withConfiguration(GreenMailConfiguration.aConfig()
            .withUser("organiser@school.example", "organiser", "s3cret"));

    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path tmp;
    final LoopbackServer server = new LoopbackServer();
    Path hub;

    @BeforeEach
    void buildHub() {
        Path site = TestSites.inline(tmp.resolve("ann"), """
                -- site.yaml --
                title: Ann's blog
                baseUrl: %s
                language: en-GB
                timezone: Europe/London
                -- content/posts/2030-03-01-oracy.md --
                ---
                title: Oracy twilight on offer
                summary: Talk for writing, in Year 4.
                offer: { topics: [oracy] }
                ---
                Happy to visit.
                """.formatted(server.uri("/ann/")));
        Lateral.build(BuildRequest.of(site).withNow(NOW));
        Path out = site.resolve("public");
        server.route("/ann/", exchange -> {
            byte[] body = Files.readAllBytes(out.resolve(exchange.getRequestURI().getPath().substring(5)));
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
        hub = TestSites.inline(tmp.resolve("hub"), """
                -- site.yaml --
                title: Valley network
                baseUrl: https://hub.example/
                network: { allow: ["127.0.0.1"] }
                language: en-GB
                timezone: Europe/London
                hub:
                  members:
                    - { name: Ann, feed: %s }
                  mail:
                    host: 127.0.0.1
                    port: %d
                    starttls: false
                    user: organiser
                    passwordEnv: TEST_SMTP_PASSWORD
                    from: "Valley network <organiser@school.example>"
                    deadline: 20
                """.formatted(server.uri("/ann/feed.xml"), SMTP.getSmtp().getPort()));
        Lateral.aggregate(AggregateRequest.of(hub).withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void close() {
        server.close();
    }

    DigestSendRequest request(List<String> to) {
        return DigestSendRequest.of(hub, to).withEnv(Map.of("TEST_SMTP_PASSWORD", "s3cret"));
    }

    @Test
    void theLatestWeekIsSentAsHtmlAndTextWithAnUnsubscribeHeaderOncePerWeek() throws Exception {
        DigestSendResult sent = Lateral.sendDigest(request(List.of("staff@school.example", "Head <head@school.example>")));
        assertThat(sent.week()).isEqualTo("2030-W09");
        assertThat(sent.sentTo()).containsExactly("staff@school.example", "head@school.example");

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(2);
        MimeMessage first = received[0];
        assertThat(first.getSubject()).isEqualTo("Valley network · Week of 25 February 2030: 1 post from 1 member");
        assertThat(first.getAllRecipients()).hasSize(1); // nobody sees another's address
        assertThat(first.getFrom()[0].toString()).isEqualTo("Valley network <organiser@school.example>");
        assertThat(first.getHeader("List-Unsubscribe")).containsExactly(
                "<mailto:organiser@school.example?subject=unsubscribe>");
        MimeMultipart parts = (MimeMultipart) first.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("== Ann ==").contains("* Oracy twilight on offer")
                .contains("== New in the swap-shop ==");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<h1").contains("Oracy twilight on offer");

        LateralException twice = catchThrowableOfType(LateralException.class,
                () -> Lateral.sendDigest(request(List.of("staff@school.example"))));
        assertThat(twice.problems()).extracting(Problem::format).singleElement().satisfies(p -> assertThat(p)
                .contains("the digest of 2030-W09 was already sent, on").contains("fix: to send it once more, add --again"));
        assertThat(SMTP.getReceivedMessages()).hasSize(2);

        Path hubDir = hub;
        int code = Main.run("digest", "send", hubDir.toString(), "--to", "staff@school.example", "--again");
        // the command line reads the real environment, which has no TEST_SMTP_PASSWORD: refused, nothing sent
        assertThat(code).isEqualTo(1);
        assertThat(SMTP.getReceivedMessages()).hasSize(2);
        DigestSendResult again = Lateral.sendDigest(request(List.of("staff@school.example")).withAgain(true));
        assertThat(again.again()).isTrue();
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aPasswordInSiteYamlIsAnErrorThatSaysWhy() throws Exception {
        Path yaml = hub.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("    passwordEnv: TEST_SMTP_PASSWORD\n",
                "    password: s3cret\n"));
        LateralException e = catchThrowableOfType(LateralException.class,
                () -> Lateral.sendDigest(request(List.of("staff@school.example"))));
        assertThat(e.problems()).extracting(Problem::format).singleElement().satisfies(p -> assertThat(p)
                .startsWith("site.yaml:14:5: error: the SMTP password must not be written in site.yaml")
                .contains("fix: remove password: and add passwordEnv: LATERAL_SMTP_PASSWORD"));
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aWrongPasswordIsTheServersRefusalAndNothingIsRemembered() {
        LateralException e = catchThrowableOfType(LateralException.class, () -> Lateral.sendDigest(
                DigestSendRequest.of(hub, List.of("staff@school.example")).withEnv(Map.of("TEST_SMTP_PASSWORD", "wrong"))));
        assertThat(e.problems()).extracting(Problem::format).singleElement().satisfies(p -> assertThat(p)
                .contains("the mail server 127.0.0.1:" + SMTP.getSmtp().getPort() + " refused the login of user organiser")
                .contains("fix: check hub.mail.user (organiser) in site.yaml and the password in the environment"
                        + " variable TEST_SMTP_PASSWORD"));
        assertThat(e.summary()).isEqualTo("1 error; the digest of 2030-W09 was not sent to anyone.");
        // not remembered: the right password sends it without --again
        assertThat(Lateral.sendDigest(request(List.of("staff@school.example"))).sentTo()).hasSize(1);
    }

    /** The hub's site.yaml with its mail: settings' user and password lines replaced. */
    void login(String lines) throws Exception {
        Path yaml = hub.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("    user: organiser\n    passwordEnv: TEST_SMTP_PASSWORD\n",
                lines));
    }

    @Test
    void theCommandLineSaysWhichWeekWentToHowManyAndThatASecondSendNeedsAgain() throws Exception {
        login(""); // GreenMail takes mail without a login
        assertThat(Main.run("digest", "send", hub.toString(), "--to", "staff@school.example", "head@school.example"))
                .isEqualTo(0);
        assertThat(console.out()).contains("Sent the digest of 2030-W09 (\"Valley network · Week of 25 February 2030:"
                + " 1 post from 1 member\") to 2 addresses.");
        assertThat(SMTP.getReceivedMessages()).hasSize(2);

        console.reset();
        assertThat(Main.run("digest", "send", hub.toString(), "--to", "staff@school.example")).isEqualTo(1);
        assertThat(console.err()).containsPattern("error: the digest of 2030-W09 was already sent, on \\d+ \\w+ 20\\d\\d"
                + " at \\d\\d:\\d\\d \\(\\w+\\) to 2 addresses — fix: to send it once more, add --again")
                .contains("1 error; the digest was not sent to anyone.")
                .doesNotContain("nothing was written").doesNotContain("Exception");
        assertThat(SMTP.getReceivedMessages()).hasSize(2);

        console.reset();
        assertThat(Main.run("digest", "send", hub.toString(), "--to", "staff@school.example", "--again")).isEqualTo(0);
        assertThat(console.out()).contains("to 1 address, again.");
        assertThat(SMTP.getReceivedMessages()).hasSize(3);
    }

    @Test
    void aServerThatIsNotThereIsTheOrganisersToFixAndNothingIsSent() throws Exception {
        int closed;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        login("");
        Path yaml = hub.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("port: " + SMTP.getSmtp().getPort(), "port: " + closed));
        assertThat(Main.run("digest", "send", hub.toString(), "--to", "staff@school.example")).isEqualTo(1);
        assertThat(console.err()).contains("error: the mail server 127.0.0.1:" + closed + " could not be reached: ")
                .contains("fix: check hub.mail's host and port (127.0.0.1:" + closed + ") in site.yaml, that the server is"
                        + " running")
                .contains("1 error; the digest of 2030-W09 was not sent to anyone.")
                .doesNotContain("nothing was written").doesNotContain("Exception");
        assertThat(console.out()).doesNotContain("Sent");
    }

    @Test
    void aRefusedLoginOnTheCommandLineSaysNobodyGotItAndHowToFixIt() throws Exception {
        // the command line reads the real environment: PATH is always set, and is no password GreenMail knows
        login("    user: organiser\n    passwordEnv: PATH\n");
        assertThat(Main.run("digest", "send", hub.toString(), "--to", "staff@school.example")).isEqualTo(1);
        assertThat(console.err()).contains("error: the mail server 127.0.0.1:" + SMTP.getSmtp().getPort()
                        + " refused the login of user organiser: ")
                .contains("fix: check hub.mail.user (organiser) in site.yaml and the password in the environment"
                        + " variable PATH")
                .contains("1 error; the digest of 2030-W09 was not sent to anyone.")
                .doesNotContain("Exception");
        assertThat(SMTP.getReceivedMessages()).isEmpty();

        // the week was not marked as sent: once the login is right, it goes without --again
        console.reset();
        Path yaml = hub.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("    user: organiser\n    passwordEnv: PATH\n", ""));
        assertThat(Main.run("digest", "send", hub.toString(), "--to", "staff@school.example")).isEqualTo(0);
        assertThat(SMTP.getReceivedMessages()).hasSize(1);
    }

    @Test
    void noDigestYetIsTheOrganisersToFix() throws Exception {
        login("");
        Path empty = tmp.resolve("elsewhere");
        assertThat(Main.run("digest", "send", hub.toString(), "-o", empty.toString(), "--to", "staff@school.example"))
                .isEqualTo(1);
        assertThat(console.err()).contains("error: there is no digest to send in " + empty)
                .contains("fix: build the hub first with lateral aggregate -o " + empty)
                .contains("1 error; the digest was not sent to anyone.");
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    /**
     * A loopback SMTP server that takes the first {@code accept} messages and then, as {@code how}
     * says, refuses the next recipient ("try again later") or drops the connection once the next
     * message's text is in, before it says it took it. {@code delivered} is who it took mail for.
     */
    static final class PartWaySmtp implements AutoCloseable {
        enum How { REFUSE_RECIPIENT, DROP_AFTER_TEXT, TAKE_ALL }

        final java.net.ServerSocket socket;
        final List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<String> handedOverButNotTaken = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile How how;
        final int accept;
        private final Thread thread;

        PartWaySmtp(How how, int accept) throws java.io.IOException {
            this.how = how;
            this.accept = accept;
            socket = new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
            thread = new Thread(this::serve, "part-way-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (java.net.Socket client = socket.accept()) {
                    session(client);
                } catch (java.io.IOException e) {
                    // the socket was closed (by the test, or by a dropped session): wait for the next
                }
            }
        }

        private void session(java.net.Socket client) throws java.io.IOException {
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(client.getOutputStream(),
                    java.nio.charset.StandardCharsets.ISO_8859_1), true);
            java.util.function.Consumer<String> say = line -> out.print(line + "\r\n");
            say.accept("220 part-way.example ESMTP");
            out.flush();
            List<String> recipients = new java.util.ArrayList<>();
            for (String line; (line = in.readLine()) != null; out.flush()) {
                String verb = line.length() < 4 ? line.toUpperCase() : line.substring(0, 4).toUpperCase();
                boolean past = delivered.size() + handedOverButNotTaken.size() >= accept && how != How.TAKE_ALL;
                switch (verb) {
                    case "EHLO", "HELO" -> say.accept("250 part-way.example");
                    case "MAIL", "RSET" -> {
                        recipients.clear();
                        say.accept("250 OK");
                    }
                    case "RCPT" -> {
                        if (past && how == How.REFUSE_RECIPIENT) {
                            say.accept("451 4.3.2 Too busy, please try again later");
                        } else {
                            recipients.add(line.replaceAll("(?i)^RCPT TO:\\s*<([^>]*)>.*$", "$1"));
                            say.accept("250 OK");
                        }
                    }
                    case "DATA" -> {
                        say.accept("354 End with <CRLF>.<CRLF>");
                        out.flush();
                        for (String text; (text = in.readLine()) != null && !text.equals(".");) {
                            // the message's text
                        }
                        if (past && how == How.DROP_AFTER_TEXT) {
                            handedOverButNotTaken.addAll(recipients);
                            client.close(); // gone before it says 250: the message was not taken
                            return;
                        }
                        delivered.addAll(recipients);
                        say.accept("250 OK queued");
                    }
                    case "QUIT" -> {
                        say.accept("221 Bye");
                        out.flush();
                        return;
                    }
                    default -> say.accept("250 OK");
                }
            }
        }

        @Override
        public void close() throws java.io.IOException {
            socket.close();
        }
    }

    /** The hub's site.yaml sending through this server, with no login. */
    void sendThrough(PartWaySmtp smtp) throws Exception {
        login("");
        Path yaml = hub.resolve("site.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("port: " + SMTP.getSmtp().getPort(), "port: " + smtp.port()));
    }

    @Test
    void aServerThatRefusesPartWaySaysExactlyWhoGotItAndTheSendItSuggestsReachesOnlyTheOthers() throws Exception {
        try (PartWaySmtp smtp = new PartWaySmtp(PartWaySmtp.How.REFUSE_RECIPIENT, 2)) {
            sendThrough(smtp);
            assertThat(Main.run("digest", "send", hub.toString(), "--to", "a@school.example", "b@school.example",
                    "c@school.example", "d@school.example")).isEqualTo(1);
            assertThat(smtp.delivered).containsExactly("a@school.example", "b@school.example");
            assertThat(console.err())
                    .contains("error: the mail server 127.0.0.1:" + smtp.port() + " refused an address: ")
                    .contains("451 4.3.2 Too busy")
                    .contains("then send to the others only: lateral digest send " + hub + " --to c@school.example d@school.example")
                    .contains("the digest of 2030-W09 was sent to a@school.example, b@school.example (2 of 4) but not"
                            + " to c@school.example, d@school.example; the week is not marked as sent")
                    .doesNotContain("Exception");
            assertThat(console.out()).doesNotContain("Sent");

            // the send the message suggests reaches the two others, and nobody twice
            smtp.how = PartWaySmtp.How.TAKE_ALL;
            console.reset();
            assertThat(Main.run("digest", "send", hub.toString(), "--to", "c@school.example", "d@school.example"))
                    .isEqualTo(0);
            assertThat(console.out()).contains("Sent the digest of 2030-W09").contains("to 2 addresses.");
            assertThat(smtp.delivered).containsExactly("a@school.example", "b@school.example", "c@school.example",
                    "d@school.example");
            // and now the week is marked: the first command once more sends nothing
            console.reset();
            assertThat(Main.run("digest", "send", hub.toString(), "--to", "a@school.example", "b@school.example",
                    "c@school.example", "d@school.example")).isEqualTo(1);
            assertThat(console.err()).contains("error: the digest of 2030-W09 was already sent");
            assertThat(smtp.delivered).hasSize(4);
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void aConnectionDroppedBeforeTheServerTookAMessageIsNotClaimedSent() throws Exception {
        try (PartWaySmtp smtp = new PartWaySmtp(PartWaySmtp.How.DROP_AFTER_TEXT, 1)) {
            sendThrough(smtp);
            LateralException e = catchThrowableOfType(LateralException.class, () -> Lateral.sendDigest(request(
                    List.of("a@school.example", "b@school.example", "c@school.example"))));
            assertThat(smtp.delivered).containsExactly("a@school.example");
            assertThat(smtp.handedOverButNotTaken).containsExactly("b@school.example");
            // b's text went over the wire, but the server never said it took it: not claimed
            assertThat(e.summary()).isEqualTo("1 error; the digest of 2030-W09 was sent to a@school.example (1 of 3)"
                    + " but not to b@school.example, c@school.example; the week is not marked as sent.");
            assertThat(e.problems()).extracting(Problem::format).singleElement().satisfies(p -> assertThat(p)
                    .contains("the mail server 127.0.0.1:" + smtp.port())
                    .contains("then send to the others only: lateral digest send " + hub
                            + " --to b@school.example c@school.example"));
            // not marked as sent: the suggested send goes without --again
            smtp.how = PartWaySmtp.How.TAKE_ALL;
            assertThat(Lateral.sendDigest(request(List.of("b@school.example", "c@school.example"))).sentTo())
                    .containsExactly("b@school.example", "c@school.example");
            assertThat(smtp.delivered).containsExactly("a@school.example", "b@school.example", "c@school.example");
        }
    }
}
