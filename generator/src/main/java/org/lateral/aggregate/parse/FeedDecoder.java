package org.lateral.aggregate.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text, choosing the encoding the way a careful feed reader does.
 *
 * <ol>
 *   <li>A byte-order mark wins (UTF-8, UTF-16 LE/BE).</li>
 *   <li>Otherwise the XML declaration's {@code encoding}, then the HTTP {@code charset}, then UTF-8.</li>
 *   <li>The labels ISO-8859-1, Latin-1 and US-ASCII are read as windows-1252, as browsers do: feeds
 *       so labelled routinely hold curly quotes and dashes from the 0x80–0x9F range.</li>
 *   <li>Text said (or assumed) to be UTF-8 that is not valid UTF-8 and holds no valid multi-byte
 *       sequence at all is a mislabelled single-byte feed and is read as windows-1252; with some
 *       valid sequences, the bad bytes become U+FFFD.</li>
 * </ol>
 * Then characters XML 1.0 forbids (control characters, U+FFFE/U+FFFF) are removed, keeping line
 * breaks so that line numbers in messages still match the feed.
 */
final class FeedDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern DECLARED = Pattern.compile(
            "^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:\\-]+)[\"']");

    private FeedDecoder() {
    }

    static String decode(byte[] bytes, Optional<String> httpCharset) {
        int skip = 0;
        Charset charset = null;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            return stripIllegal(decodeUtf8Lenient(bytes, 3));
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(bytes, 0x3C, 0x00, 0x3F, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else if (startsWith(bytes, 0x00, 0x3C, 0x00, 0x3F)) {
            charset = StandardCharsets.UTF_16BE;
        }
        if (charset == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, 256), StandardCharsets.ISO_8859_1);
            Matcher m = DECLARED.matcher(head);
            // A declaration readable as ASCII cannot be UTF-16 or UTF-32, whatever it says.
            Optional<Charset> declared = m.find() ? lookup(m.group(1)).filter(c -> !c.name().startsWith("UTF-16")
                    && !c.name().startsWith("UTF-32")) : Optional.empty();
            charset = declared.or(() -> httpCharset.flatMap(FeedDecoder::lookup)).orElse(StandardCharsets.UTF_8);
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return stripIllegal(decodeUtf8Lenient(bytes, 0));
        }
        return stripIllegal(replacing(charset, bytes, skip));
    }

    private static String decodeUtf8Lenient(byte[] bytes, int offset) {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return strict.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return hasValidMultiByteSequence(bytes, offset)
                    ? replacing(StandardCharsets.UTF_8, bytes, offset)
                    : replacing(WINDOWS_1252, bytes, offset);
        }
    }

    private static String replacing(Charset charset, byte[] bytes, int offset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a REPLACE decoder does not throw", e);
        }
    }

    /** True when some lead byte is followed by the right number of continuation bytes. */
    static boolean hasValidMultiByteSequence(byte[] bytes, int offset) {
        for (int i = offset; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            int continuation = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : 0;
            if (continuation == 0 || i + continuation >= bytes.length) {
                continue;
            }
            boolean ok = true;
            for (int k = 1; k <= continuation; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }

    static Optional<Charset> lookup(String label) {
        String name = label.trim().toLowerCase(Locale.ROOT);
        if (name.equals("iso-8859-1") || name.equals("iso8859-1") || name.equals("latin1") || name.equals("latin-1")
                || name.equals("us-ascii") || name.equals("ascii") || name.equals("iso_8859-1")
                || name.equals("l1") || name.equals("cp1252")) {
            return Optional.of(WINDOWS_1252);
        }
        if (name.equals("utf-16")) {
            return Optional.of(StandardCharsets.UTF_16);
        }
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    /** Removes what XML 1.0 forbids, keeping tab, CR and LF; pairs surrogates stay, lone ones go. */
    static String stripIllegal(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean legal;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!legal && out == null) {
                out = new StringBuilder(text.length());
                out.append(text, 0, i);
            }
            if (legal && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
