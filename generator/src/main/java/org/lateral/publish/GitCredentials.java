package org.lateral.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.ChainingCredentialsProvider;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.NetRCCredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Credentials for an HTTPS remote: a token from {@code LATERAL_GIT_TOKEN} (else {@code GITHUB_TOKEN}),
 * with the user name from {@code LATERAL_GIT_USER} (default {@code x-access-token}, which GitHub
 * expects; GitLab accepts any name with a project access token), then the user's {@code ~/.netrc}.
 * Tokens are never printed: {@link #redact} removes them, and any user name and password written in
 * an address, from every message.
 */
final class GitCredentials {

    static final String TOKEN = "LATERAL_GIT_TOKEN";
    static final String USER = "LATERAL_GIT_USER";
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]*@");

    private final Optional<String> token;
    private final String user;
    private final List<String> secrets = new ArrayList<>();

    GitCredentials(Map<String, String> env, String url) {
        this.token = Optional.ofNullable(env.get(TOKEN)).or(() -> Optional.ofNullable(env.get("GITHUB_TOKEN")))
                .map(String::strip).filter(s -> !s.isEmpty());
        this.user = Optional.ofNullable(env.get(USER)).filter(s -> !s.isBlank()).orElse("x-access-token");
        token.ifPresent(secrets::add);
        int at = url.indexOf('@');
        int scheme = url.indexOf("://");
        if (scheme > 0 && at > scheme) {
            String info = url.substring(scheme + 3, at);
            int colon = info.indexOf(':');
            if (colon >= 0 && colon + 1 < info.length()) {
                secrets.add(info.substring(colon + 1));
            }
        }
    }

    boolean hasToken() {
        return token.isPresent();
    }

    CredentialsProvider provider() {
        List<CredentialsProvider> chain = new ArrayList<>();
        token.ifPresent(t -> chain.add(new UsernamePasswordCredentialsProvider(user, t)));
        chain.add(new NetRCCredentialsProvider());
        return new ChainingCredentialsProvider(chain.toArray(CredentialsProvider[]::new));
    }

    /** The text with every token and every address's user information taken out. */
    String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = text;
        for (String s : secrets) {
            if (s.length() >= 4) {
                out = out.replace(s, "****");
            }
        }
        return withoutUserInfo(out);
    }

    /** {@code https://user:secret@host/x} becomes {@code https://host/x}. */
    static String withoutUserInfo(String text) {
        return USER_INFO.matcher(text).replaceAll("$1");
    }
}
