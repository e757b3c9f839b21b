package org.lateral;

import java.util.List;

/**
 * What {@link Lateral#sendDigest} sent.
 *
 * @param week    the ISO week of the digest ({@code 2030-W09})
 * @param subject the messages' subject
 * @param sentTo  every address a message was accepted for
 * @param again   whether this week had been sent before
 */
public record DigestSendResult(String week, String subject, List<String> sentTo, boolean again) {

    public DigestSendResult {
        sentTo = List.copyOf(sentTo);
    }

    /** "Sent the digest of 2030-W09 (…) to 2 addresses." */
    public String summary() {
        return "Sent the digest of " + week + " (\"" + subject + "\") to " + sentTo.size()
                + (sentTo.size() == 1 ? " address" : " addresses") + (again ? ", again" : "") + ".";
    }
}
