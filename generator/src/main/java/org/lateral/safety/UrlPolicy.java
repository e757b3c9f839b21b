package org.lateral.safety;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which addresses may appear in a published page, and how a messy address from a feed becomes
 * a clean absolute one.
 *
 * <p>The policy: links and images point to {@code http} or {@code https} addresses with a host,
 * always absolute. {@code javascript:}, {@code vbscript:}, {@code data:}, {@code file:} and every
 * other scheme are refused however they are written: upper or mixed case, padded with spaces,
 * or split by tabs and newlines (browsers ignore those, so {@code java\tscript:} is
 * {@code javascript:} to them and to this class). Entities are decoded by the XML or HTML parser
 * before an address reaches this class.
 *
 * <pre>{@code
 * Optional<URI> img = UrlPolicy.resolveWeb("../img/a.png", URI.create("https://blog.example/posts/x/"));
 * // https://blog.example/posts/img/a.png
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class UrlPolicy {

    private static final Set<String> WEB_SCHEMES = Set.of("http", "https");
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");
    private static final String HEX = "0123456789ABCDEF";

    private UrlPolicy() {
    }

    /**
     * Resolves {@code raw} (absolute or relative) against {@code base} and returns it when the
     * result is an http(s) address with a host.
     *
     * @param raw  an address as found in a feed or in HTML; may be blank
     * @param base the address relative ones are read against; relative addresses are refused
     *             when it is absent or not itself absolute
     */
    public static Optional<URI> resolveWeb(String raw, Optional<URI> base) {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(base, "base");
        Optional<URI> parsed = parseLenient(raw);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        URI uri = parsed.get();
        if (!uri.isAbsolute()) {
            if (base.isEmpty() || !base.get().isAbsolute() || base.get().isOpaque()) {
                return Optional.empty();
            }
            uri = resolve(base.get(), uri);
        }
        return isWeb(uri) ? Optional.of(uri.normalize()) : Optional.empty();
    }

    /** {@link #resolveWeb(String, Optional)} with a base that is always present. */
    public static Optional<URI> resolveWeb(String raw, URI base) {
        return resolveWeb(raw, Optional.of(Objects.requireNonNull(base, "base")));
    }

    /** An absolute http(s) address, or empty for anything else (relative, other schemes, junk). */
    public static Optional<URI> parseWeb(String raw) {
        return resolveWeb(raw, Optional.empty());
    }

    /** True for an absolute {@code http}/{@code https} URI with a host. */
    public static boolean isWeb(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme();
        return scheme != null
                && WEB_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))
                && !uri.isOpaque()
                && uri.getHost() != null
                && !uri.getHost().isEmpty();
    }

    /**
     * The scheme a browser would see in {@code raw} (lower case), after removing the padding and
     * the tabs and newlines browsers ignore; empty for a relative address.
     */
    public static Optional<String> schemeOf(String raw) {
        var matcher = SCHEME.matcher(browserView(raw));
        return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    /**
     * Parses an address the way a browser reads it: leading and trailing spaces and control
     * characters dropped, tabs and newlines inside removed, characters URIs cannot hold
     * percent-encoded, an international host name turned into its ASCII form. Any scheme.
     */
    public static Optional<URI> parseLenient(String raw) {
        Objects.requireNonNull(raw, "raw");
        String cleaned = browserView(raw);
        if (cleaned.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(encodeIllegal(cleaned));
            if (uri.isAbsolute() && !uri.isOpaque() && uri.getHost() == null && uri.getRawAuthority() != null) {
                uri = withAsciiHost(uri);
            }
            if (uri.getScheme() != null) {
                String lower = uri.getScheme().toLowerCase(Locale.ROOT);
                if (!lower.equals(uri.getScheme())) {
                    uri = new URI(lower + uri.toString().substring(uri.getScheme().length()));
                }
            }
            return Optional.of(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code base.resolve(relative)}, without {@link URI}'s mistake for bases with an empty path. */
    public static URI resolve(URI base, URI relative) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(relative, "relative");
        URI fixedBase = base;
        if (!base.isOpaque() && (base.getRawPath() == null || base.getRawPath().isEmpty())) {
            try {
                fixedBase = new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
            } catch (URISyntaxException e) {
                return relative;
            }
        }
        URI resolved = fixedBase.resolve(relative);
        // RFC 3986 5.2.2: a reference with only a fragment or query keeps the base path.
        String rawPath = relative.getRawPath();
        if ((rawPath == null || rawPath.isEmpty()) && relative.getRawAuthority() == null && relative.getScheme() == null) {
            try {
                String query = relative.getRawQuery() != null ? relative.getRawQuery() : fixedBase.getRawQuery();
                StringBuilder out = new StringBuilder();
                out.append(fixedBase.getScheme()).append("://").append(fixedBase.getRawAuthority())
                        .append(fixedBase.getRawPath());
                if (query != null) {
                    out.append('?').append(query);
                }
                if (relative.getRawFragment() != null) {
                    out.append('#').append(relative.getRawFragment());
                }
                resolved = new URI(out.toString());
            } catch (URISyntaxException e) {
                return resolved;
            }
        }
        return resolved;
    }

    /** Removes what browsers ignore: outer spaces and C0 controls, and tabs/newlines anywhere. */
    static String browserView(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder out = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String encodeIllegal(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        boolean seenHash = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            boolean legal = cp > 0x20 && cp < 0x7F && "\"<>\\^`{|}".indexOf(cp) < 0;
            if (cp == '%' && !(isHex(s, i + 1) && isHex(s, i + 2))) {
                legal = false;
            }
            if (cp == '#') {
                legal = !seenHash;
                seenHash = true;
            }
            if (legal) {
                out.append((char) cp);
            } else {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
                }
            }
            i += len;
        }
        return out.toString();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    private static URI withAsciiHost(URI uri) throws URISyntaxException {
        String authority = uri.getRawAuthority();
        String userInfo = "";
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userInfo = authority.substring(0, at + 1);
            authority = authority.substring(at + 1);
        }
        String port = "";
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            port = authority.substring(colon);
            authority = authority.substring(0, colon);
        }
        String decodedHost = java.net.URLDecoder.decode(authority, StandardCharsets.UTF_8);
        String ascii = IDN.toASCII(decodedHost, IDN.ALLOW_UNASSIGNED);
        String rebuilt = uri.getScheme() + "://" + userInfo + ascii + port
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        return new URI(rebuilt);
    }
}
