package org.lateral;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Lateral#sendDigest} sends: the latest digest of the hub built in {@code output}
 * (from the last {@code lateral aggregate}), to {@code to}, through {@code hub.mail}.
 *
 * @param hubDir the hub's folder (its site.yaml holds {@code hub.mail})
 * @param output the hub's output folder; {@code hubDir/public} when empty
 * @param to     the addresses, one message each (no address sees another)
 * @param again  send a week that was already sent
 * @param cache  the hub's cache folder (where sent weeks are remembered) when site.yaml's
 *               {@code hub.cache} does not say; {@code hubDir/.lateral-cache} when empty
 * @param env    where {@code passwordEnv} is looked up (the process environment)
 */
public record DigestSendRequest(Path hubDir, Optional<Path> output, List<String> to, boolean again,
                                Optional<Path> cache, Map<String, String> env, Caller caller) {

    public DigestSendRequest {
        Objects.requireNonNull(hubDir, "hubDir");
        Objects.requireNonNull(output, "output");
        to = List.copyOf(to);
        Objects.requireNonNull(cache, "cache");
        env = Map.copyOf(env);
        Objects.requireNonNull(caller, "caller");
    }

    public static DigestSendRequest of(Path hubDir, List<String> to) {
        return new DigestSendRequest(hubDir, Optional.empty(), to, false, Optional.empty(), System.getenv(),
                Caller.COMMAND_LINE);
    }

    public DigestSendRequest withOutput(Path dir) {
        return new DigestSendRequest(hubDir, Optional.of(dir), to, again, cache, env, caller);
    }

    public DigestSendRequest withAgain(boolean a) {
        return new DigestSendRequest(hubDir, output, to, a, cache, env, caller);
    }

    public DigestSendRequest withCache(Path dir) {
        return new DigestSendRequest(hubDir, output, to, again, Optional.of(dir), env, caller);
    }

    public DigestSendRequest withEnv(Map<String, String> e) {
        return new DigestSendRequest(hubDir, output, to, again, cache, e, caller);
    }

    public DigestSendRequest withCaller(Caller c) {
        return new DigestSendRequest(hubDir, output, to, again, cache, env, c);
    }
}
