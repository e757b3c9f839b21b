package org.lateral.publish;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lateral.Problem;
import org.lateral.PublishResult.Changes;

/**
 * Tells WebSub hubs (W3C WebSub §6) which feeds changed: for each hub and each feed added or changed
 * by the publish, a form POST with {@code hub.mode=publish} and the feed's address as both
 * {@code hub.url} (what most hubs read) and {@code hub.topic}. A hub that fails is a warning.
 */
final class WebSub {

    static final Set<String> FEED_FILES = Set.of("feed.xml", "rss.xml", "feed.json");

    private WebSub() {
    }

    /** The absolute addresses of the feeds a publish added or changed. */
    static List<String> changedFeeds(Changes changes, String baseUrl) {
        List<String> out = new ArrayList<>();
        List<String> paths = new ArrayList<>(changes.added());
        paths.addAll(changes.modified());
        for (String p : paths) {
            String name = p.substring(p.lastIndexOf('/') + 1);
            if (FEED_FILES.contains(name)) {
                out.add(baseUrl + p);
            }
        }
        return out;
    }

    /** Pings every hub for every feed; returns one line per ping sent, adds a warning per failure. */
    static List<String> ping(Http http, List<String> hubs, List<String> feeds, List<Problem> warnings) {
        List<String> notices = new ArrayList<>();
        for (String hub : hubs) {
            int ok = 0;
            for (String feed : feeds) {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("hub.mode", "publish");
                form.put("hub.url", feed);
                form.put("hub.topic", feed);
                try {
                    Http.Response r = http.postForm(URI.create(hub), form);
                    if (r.ok()) {
                        ok++;
                    } else {
                        warnings.add(Problem.warning(Path.of("site.yaml"), 0, 0, "the WebSub hub " + hub
                                + " answered " + r.status() + " to the ping for " + feed,
                                "check the hub's address in publish.websub; readers will still see the post"
                                        + " at their next poll"));
                    }
                } catch (Http.Failure e) {
                    warnings.add(Problem.warning(Path.of("site.yaml"), 0, 0, "the WebSub hub " + hub
                            + " was not told about " + feed + ": " + e.getMessage(),
                            "check the hub's address in publish.websub; readers will still see the post at"
                                    + " their next poll"));
                }
            }
            if (ok > 0) {
                notices.add("WebSub: told " + hub + " about " + ok + (ok == 1 ? " feed" : " feeds") + ".");
            }
        }
        return notices;
    }
}
