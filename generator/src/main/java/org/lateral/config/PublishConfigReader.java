package org.lateral.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.lateral.Problem;

/** Reads and checks the {@code publish:} section of site.yaml into a {@link PublishConfig}. */
final class PublishConfigReader {

    static final Set<String> KEYS = Set.of("to", "branch", "cname", "message", "websub", "webmentions");

    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    private PublishConfigReader() {
    }

    static PublishConfig read(YamlNode root, Fields f) {
        Optional<YamlNode> node = root.get("publish");
        if (node.isEmpty() || node.get().isNull()) {
            return PublishConfig.NONE;
        }
        YamlNode p = node.get();
        if (!p.isMap()) {
            f.problems.add(Problem.error(f.file, p.line(), p.column(),
                    "publish must be a list of settings, not a single value",
                    "write it as:\npublish:\n  to: https://github.com/you/your-blog.git"));
            return PublishConfig.NONE;
        }
        f.unknownKeys(p, "publish", KEYS, "use to, branch, cname, message, websub or webmentions");
        Optional<String> to = f.text(p, "to").map(String::strip).filter(s -> !s.isEmpty());
        int toLine = p.get("to").map(YamlNode::line).orElse(0);
        int toColumn = p.get("to").map(YamlNode::column).orElse(0);
        to.ifPresent(t -> checkTarget(t, toLine, toColumn, f));

        String branch = f.text(p, "branch").map(String::strip).orElse(PublishConfig.DEFAULT_BRANCH);
        if (!validBranch(branch)) {
            YamlNode b = p.get("branch").get();
            f.problems.add(Problem.error(f.file, b.line(), b.column(),
                    "\"" + branch + "\" cannot be the name of a git branch",
                    "use a name without spaces or any of ~ ^ : ? * [ \\ .., such as gh-pages"));
            branch = PublishConfig.DEFAULT_BRANCH;
        }

        Optional<String> cname = f.text(p, "cname").map(String::strip).filter(s -> !s.isEmpty());
        if (cname.isPresent() && !DOMAIN.matcher(cname.get()).matches()) {
            YamlNode c = p.get("cname").get();
            f.problems.add(Problem.error(f.file, c.line(), c.column(),
                    "cname \"" + cname.get() + "\" is not a domain name",
                    "write only the domain the site is served at, without https:// or a path,"
                            + " e.g. cname: cpd.my-school.example"));
            cname = Optional.empty();
        }
        Optional<String> message = f.text(p, "message").map(String::strip).filter(s -> !s.isEmpty());

        List<String> hubs = new ArrayList<>();
        Optional<YamlNode> websub = p.get("websub");
        if (websub.isPresent() && !websub.get().isNull()) {
            List<YamlNode> items = websub.get().isList() ? websub.get().asList() : List.of(websub.get());
            for (YamlNode item : items) {
                String url = item.text().orElse("").strip();
                if (isHttpUrl(url)) {
                    hubs.add(url);
                } else {
                    f.problems.add(Problem.error(f.file, item.line(), item.column(),
                            "websub must list the web addresses of WebSub hubs; \"" + url + "\" is not one",
                            "write each hub's full address, e.g. websub: [https://websub.example/]"));
                }
            }
        }
        boolean webmentions = f.bool(p, "webmentions", false);
        return new PublishConfig(to, toLine, toColumn, branch, cname, message, hubs, webmentions);
    }

    private static void checkTarget(String to, int line, int column, Fields f) {
        if (to.startsWith("git@")) {
            return;
        }
        int colon = to.indexOf("://");
        if (colon < 0) {
            return; // a folder
        }
        String scheme = to.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!Set.of("https", "http", "ssh", "file", "git").contains(scheme)) {
            f.problems.add(Problem.error(f.file, line, column,
                    "publish.to \"" + to + "\" is neither a git remote nor a folder",
                    "write a git address (https://github.com/you/blog.git, git@github.com:you/blog.git)"
                            + " or a folder, e.g. to: /var/www/cpd"));
        }
    }

    static boolean validBranch(String b) {
        if (b.isEmpty() || b.startsWith("-") || b.startsWith("/") || b.endsWith("/") || b.endsWith(".")
                || b.endsWith(".lock") || b.contains("..") || b.contains("//") || b.contains("@{") || b.equals("@")) {
            return false;
        }
        for (char c : b.toCharArray()) {
            if (c <= ' ' || c == 127 || "~^:?*[\\".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHttpUrl(String s) {
        try {
            URI u = new URI(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
