package org.lateral.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Sends one digest as one message per address (no address sees another): {@code multipart/alternative}
 * of the plain text and the HTML, {@code List-Unsubscribe} pointing to the organiser, through the
 * SMTP server of {@link MailConfig} (STARTTLS required unless {@code starttls: false}), every
 * connection, read and write bounded by what is left of the whole send's deadline.
 */
final class DigestMailer {

    private DigestMailer() {
    }

    /** What stopped a send, in the organiser's terms: each has its own fix. */
    enum Refusal {
        /** The server could not be reached (nothing listening, a firewall, a wrong host or port). */
        CONNECT,
        /** The server refused the user and password. */
        LOGIN,
        /** The server refused an address (or the sender). */
        ADDRESS,
        /** The send passed its deadline. */
        DEADLINE,
        /** Anything else the server said. */
        OTHER
    }

    /** Why a send stopped, and the addresses sent to before it did. */
    static final class SendFailed extends Exception {
        final List<String> sent;
        final Refusal refusal;

        SendFailed(String message, List<String> sent, Refusal refusal, Throwable cause) {
            super(message, cause);
            this.sent = List.copyOf(sent);
            this.refusal = refusal;
        }
    }

    /**
     * @param sent where each address is added as soon as the server took its message, so that a
     *             caller that gives up at the deadline still knows who has the digest
     */
    static List<String> send(MailConfig config, Optional<String> password, List<InternetAddress> to, String subject,
            String html, String text, List<String> sent) throws SendFailed {
        long deadline = System.nanoTime() + config.deadline().toNanos();
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", config.host());
        props.put("mail.smtp.port", String.valueOf(config.port()));
        props.put("mail.smtp.auth", String.valueOf(config.user().isPresent()));
        props.put("mail.smtp.starttls.enable", String.valueOf(config.starttls()));
        props.put("mail.smtp.starttls.required", String.valueOf(config.starttls()));
        String ms = String.valueOf(Math.max(1, config.deadline().toMillis()));
        props.put("mail.smtp.connectiontimeout", ms);
        props.put("mail.smtp.timeout", ms);
        props.put("mail.smtp.writetimeout", ms);
        Session session = Session.getInstance(props);
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            if (config.user().isPresent()) {
                transport.connect(config.host(), config.port(), config.user().get(), password.orElse(""));
            } else {
                transport.connect();
            }
            InternetAddress from = new InternetAddress(config.from(), true);
            for (InternetAddress address : to) {
                if (System.nanoTime() > deadline) {
                    throw new SendFailed("the send took longer than its deadline of " + seconds(config.deadline()),
                            sent, Refusal.DEADLINE, null);
                }
                MimeMessage message = new MimeMessage(session);
                message.setFrom(from);
                message.setRecipient(Message.RecipientType.TO, address);
                message.setSubject(subject, "UTF-8");
                message.setHeader("List-Unsubscribe", "<" + config.unsubscribe() + ">");
                message.setHeader("Auto-Submitted", "auto-generated");
                MimeMultipart alternative = new MimeMultipart("alternative");
                MimeBodyPart plain = new MimeBodyPart();
                plain.setText(text, "UTF-8", "plain");
                MimeBodyPart rich = new MimeBodyPart();
                rich.setText(html, "UTF-8", "html");
                alternative.addBodyPart(plain); // the last part is the preferred one (RFC 2046 §5.1.4)
                alternative.addBodyPart(rich);
                message.setContent(alternative);
                message.saveChanges();
                transport.sendMessage(message, new InternetAddress[] {address});
                sent.add(address.getAddress());
            }
            return List.copyOf(sent);
        } catch (jakarta.mail.AuthenticationFailedException e) {
            throw new SendFailed(describe(e), sent, Refusal.LOGIN, e);
        } catch (jakarta.mail.SendFailedException e) {
            throw new SendFailed(describe(e), sent, Refusal.ADDRESS, e);
        } catch (MessagingException e) {
            boolean unreachable = e.getCause() instanceof java.net.ConnectException
                    || e.getCause() instanceof java.net.UnknownHostException
                    || e.getCause() instanceof java.net.NoRouteToHostException;
            boolean slow = e.getCause() instanceof java.net.SocketTimeoutException;
            throw new SendFailed(describe(e), sent, unreachable ? Refusal.CONNECT : slow ? Refusal.DEADLINE
                    : Refusal.OTHER, e);
        } finally {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    // the messages were handed over; closing the connection is not worth a failure
                }
            }
        }
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    private static String describe(MessagingException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !m.contains(cause.getMessage())) {
            m += " (" + cause.getMessage().strip() + ")";
        }
        return m.replaceAll("\\s+", " ");
    }
}
