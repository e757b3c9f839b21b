package org.lateral.markdown;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A video on YouTube, Vimeo or a PeerTube instance, recognised from the address a teacher pastes
 * (nothing is asked of the video site: the address alone says which video it is).
 *
 * <ul>
 * <li>YouTube: {@code youtube.com/watch?v=ID}, {@code youtu.be/ID}, {@code youtube.com/shorts/ID},
 * {@code youtube.com/embed/ID}, {@code youtube-nocookie.com/embed/ID} (ID: 11 letters, digits,
 * {@code -} or {@code _}); a start time from {@code t=} or {@code start=}. Played from
 * {@code www.youtube-nocookie.com}.</li>
 * <li>Vimeo: {@code vimeo.com/NUMBER} (and {@code vimeo.com/NUMBER/HASH} for an unlisted video),
 * {@code player.vimeo.com/video/NUMBER}; a start time from {@code #t=}. Played from
 * {@code player.vimeo.com} with {@code dnt=1} (Vimeo sets no tracking cookies).</li>
 * <li>PeerTube, on any host, only for its two unmistakable address shapes: {@code https://HOST/w/ID}
 * where ID is a 22-character short id (base 58), and {@code https://HOST/videos/watch/UUID} (a
 * full UUID); a start time from {@code start=} or {@code t=}. Played from
 * {@code https://HOST/videos/embed/ID}. Any other address on an unknown host is an ordinary link.</li>
 * </ul>
 *
 * @param provider  {@code YouTube}, {@code Vimeo} or {@code PeerTube}
 * @param host      the host the video is played from ({@code www.youtube-nocookie.com}, a PeerTube instance)
 * @param watchUrl  the address to watch it at (the plain link, with the start time)
 * @param embedUrl  the player's address, loaded only when the reader presses play
 * @param start     seconds from the start to begin at, 0 for the beginning
 */
public record Video(String provider, String host, String watchUrl, String embedUrl, int start) {

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern VIMEO_PATH = Pattern.compile("/(\\d{4,12})(?:/([0-9a-f]{6,20}))?/?");
    private static final Pattern VIMEO_PLAYER = Pattern.compile("/video/(\\d{4,12})/?");
    private static final Pattern PEERTUBE_SHORT = Pattern.compile("/w/([1-9A-HJ-NP-Za-km-z]{22})/?");
    private static final Pattern PEERTUBE_UUID = Pattern.compile(
            "/videos/(?:watch|embed)/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/?");
    private static final Pattern TIME = Pattern.compile(
            "(?:(\\d{1,3})h)?(?:(\\d{1,4})m)?(?:(\\d{1,6})s?)?|(?:(\\d{1,3}):)?(\\d{1,3}):(\\d{2})");

    /** The video an address shows, if it is one of the addresses above. */
    public static Optional<Video> of(String address) {
        URI uri;
        try {
            uri = new URI(address.strip());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String fragment = uri.getRawFragment() == null ? "" : uri.getRawFragment();
        String bare = host.startsWith("www.") ? host.substring(4) : host.startsWith("m.") ? host.substring(2) : host;
        if (bare.equals("youtube.com") || bare.equals("youtube-nocookie.com") || bare.equals("youtu.be")) {
            return youtube(bare, path, query);
        }
        if (bare.equals("vimeo.com") || bare.equals("player.vimeo.com")) {
            return vimeo(bare, path, query, fragment);
        }
        if (!scheme.equals("https") || uri.getPort() != -1 && uri.getPort() != 443) {
            return Optional.empty(); // a PeerTube instance is served over https on its usual port
        }
        Matcher m = PEERTUBE_SHORT.matcher(path);
        Matcher u = PEERTUBE_UUID.matcher(path);
        String id = m.matches() ? m.group(1) : u.matches() ? u.group(1) : null;
        if (id == null) {
            return Optional.empty();
        }
        int start = seconds(param(query, "start").or(() -> param(query, "t")).orElse("")).orElse(0);
        String watch = "https://" + host + (m.matches() ? "/w/" + id : "/videos/watch/" + id);
        return Optional.of(new Video("PeerTube", host, watch, "https://" + host + "/videos/embed/" + id, start)
                .startingAt(start));
    }

    private static Optional<Video> youtube(String host, String path, String query) {
        String id = null;
        if (host.equals("youtu.be")) {
            id = path.length() > 1 ? path.substring(1) : null;
        } else if (path.equals("/watch") || path.equals("/watch/")) {
            id = param(query, "v").orElse(null);
        } else {
            for (String prefix : new String[] {"/shorts/", "/embed/", "/live/"}) {
                if (path.startsWith(prefix)) {
                    id = path.substring(prefix.length());
                }
            }
        }
        if (id != null && id.endsWith("/")) {
            id = id.substring(0, id.length() - 1);
        }
        if (id == null || !YOUTUBE_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        int start = seconds(param(query, "t").or(() -> param(query, "start")).orElse("")).orElse(0);
        return Optional.of(new Video("YouTube", "www.youtube-nocookie.com", "https://www.youtube.com/watch?v=" + id,
                "https://www.youtube-nocookie.com/embed/" + id, 0).startingAt(start));
    }

    private static Optional<Video> vimeo(String host, String path, String query, String fragment) {
        Matcher m = (host.equals("player.vimeo.com") ? VIMEO_PLAYER : VIMEO_PATH).matcher(path);
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = m.group(1);
        Optional<String> hash = host.equals("player.vimeo.com") ? param(query, "h")
                : Optional.ofNullable(m.group(2));
        hash = hash.filter(h -> h.matches("[0-9a-f]{6,20}"));
        int start = fragment.startsWith("t=") ? seconds(fragment.substring(2)).orElse(0) : 0;
        String watch = "https://vimeo.com/" + id + hash.map(h -> "/" + h).orElse("");
        String embed = "https://player.vimeo.com/video/" + id + "?dnt=1" + hash.map(h -> "&h=" + h).orElse("");
        return Optional.of(new Video("Vimeo", "player.vimeo.com", watch, embed, 0).startingAt(start));
    }

    /** The same video starting {@code seconds} in (the watch and player addresses say so). */
    public Video startingAt(int seconds) {
        String watch = watchUrl.replaceAll("[?&#](t|start)=\\d+s?$", "");
        String embed = embedUrl.replaceAll("([?&]start=\\d+s?)?(#t=\\d+s)?$", "");
        if (seconds <= 0) {
            return new Video(provider, host, watch, embed, 0);
        }
        String sep = embed.contains("?") ? "&" : "?";
        return switch (provider) {
            case "YouTube" -> new Video(provider, host, watch + "&t=" + seconds + "s", embed + sep + "start=" + seconds,
                    seconds);
            case "Vimeo" -> new Video(provider, host, watch + "#t=" + seconds + "s", embed + "#t=" + seconds + "s",
                    seconds);
            default -> new Video(provider, host, watch + (watch.contains("?") ? "&" : "?") + "start=" + seconds + "s",
                    embed + sep + "start=" + seconds + "s", seconds);
        };
    }

    /** The player's address with {@code autoplay=1}: the reader has just pressed play. */
    public String playUrl() {
        int hash = embedUrl.indexOf('#');
        String before = hash < 0 ? embedUrl : embedUrl.substring(0, hash);
        String after = hash < 0 ? "" : embedUrl.substring(hash);
        return before + (before.contains("?") ? "&" : "?") + "autoplay=1" + after;
    }

    /** Where the reader's browser goes when they press play: "YouTube", "Vimeo" or the PeerTube instance. */
    public String siteName() {
        return provider.equals("PeerTube") ? host : provider;
    }

    /**
     * A start time as a teacher writes it: {@code 90}, {@code 90s}, {@code 1m30s}, {@code 1h2m},
     * {@code 1:30}, {@code 1:02:03}; empty when it is none of these.
     */
    public static Optional<Integer> seconds(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = TIME.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        long s;
        if (m.group(6) != null) {
            s = (m.group(4) == null ? 0 : Long.parseLong(m.group(4)) * 3600) + Long.parseLong(m.group(5)) * 60
                    + Long.parseLong(m.group(6));
        } else {
            s = (m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600)
                    + (m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60)
                    + (m.group(3) == null ? 0 : Long.parseLong(m.group(3)));
        }
        return s > 24 * 3600 ? Optional.empty() : Optional.of((int) s);
    }

    private static Optional<String> param(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return Optional.of(pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }
}
