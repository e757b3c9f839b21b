package org.lateral.aggregate.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lateral.aggregate.parse.FeedParserTest.ANN;
import static org.lateral.aggregate.parse.FeedParserTest.NOW;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.lateral.aggregate.Entry;
import org.lateral.safety.SanitizerFuzzTest;
import org.lateral.safety.Sanitizer;

/**
 * Fuzzing the feed parser (issue 11): the valid and hostile corpus, mutated (bytes flipped,
 * markup spliced in, cut short, names and namespaces broken), must never make an exception
 * escape, and what it reads must never hold active content. Any input that once broke it is kept
 * under {@code feeds/fuzz-crashes/} and replayed by {@link #everyKeptCrashInputIsNowAFeedsFailureOrItsEntries()}.
 *
 * <p>The number of tries per property is {@code jqwik.tries.default} (see
 * {@code junit-platform.properties}); raise it with {@code -Djqwik.tries.default=20000} to fuzz longer.
 */
class FeedParserFuzzTest {

    private static final List<String> TOKENS = List.of("<", ">", "</", "/>", "&", "&amp;", "&#0;", "&#x1F600;", "&nbsp;",
            "]]>", "<![CDATA[", "<!--", "-->", "<?", "?>", "<?a:b c?>", "xmlns=\"9ttp://x\"", " :xi=\"1\"", "<:id>",
            "</:id>", "xmlns:a=\"\"", "<a:b xmlns:a=\"urn:x\">", "<!DOCTYPE x>", "<!ENTITY e \"x\">", "\u0000", "\uFFFE",
            "\uD800", "\u202E", "<script>alert(1)</script>", "<img src=javascript:alert(1)>", "<entry>", "</entry>",
            "<item>", "</item>", "<pubDate>Mon, 01 Jan 0001 00:00:00 GMT</pubDate>", "<author>" + "@".repeat(500)
                    + "</author>", "xml:base=\"javascript:x\"", "<content type=\"xhtml\"><div xmlns=\"x\">", "\"", "'",
            "<link href=\"data:text/html,x\"/>", "encoding=\"UTF-7\"", "\r\n", "\t");

    private final FeedParser parser = new FeedParser(Sanitizer.create(), 50);

    @Property(seed = "20261202")
    void noExceptionEscapesAndNoActiveContentComesOut(@ForAll("mutatedFeeds") byte[] feed) {
        ParsedFeed parsed = parser.parse(feed, FeedContext.of(ANN, NOW));

        assertThat(parsed.status()).isNotNull();
        for (Entry e : parsed.entries()) {
            SanitizerFuzzTest.assertInert(e.contentHtml());
            assertThat(e.published()).isNotNull();
            e.link().ifPresent(l -> assertThat(l.getScheme()).isIn("http", "https"));
        }
    }

    @Test
    void everyKeptCrashInputIsNowAFeedsFailureOrItsEntries() throws IOException {
        for (byte[] input : corpus("fuzz-crashes")) {
            ParsedFeed parsed = parser.parse(input, FeedContext.of(ANN, NOW));
            assertThat(parsed.status()).isNotNull();
            parsed.entries().forEach(e -> SanitizerFuzzTest.assertInert(e.contentHtml()));
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedFeeds() {
        List<byte[]> seeds = new ArrayList<>(corpus("valid"));
        seeds.addAll(corpus("hostile"));
        seeds.addAll(corpus("broken"));
        Arbitrary<byte[]> seed = Arbitraries.of(seeds);
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(8);
        return Combinators.combine(seed, mutations).as((bytes, list) -> {
            byte[] out = bytes;
            for (Mutation m : list) {
                out = m.apply(out);
            }
            return out;
        });
    }

    /** One change to a feed's bytes, at a position given as a fraction of its length. */
    private record Mutation(int kind, double where, int value, String token) {
        byte[] apply(byte[] in) {
            int at = (int) Math.min(in.length, Math.floor(where * in.length));
            switch (kind) {
                case 0: { // flip a byte
                    byte[] out = in.clone();
                    if (out.length > 0) {
                        out[Math.min(at, out.length - 1)] ^= (byte) value;
                    }
                    return out;
                }
                case 1: // cut short
                    return java.util.Arrays.copyOf(in, at);
                case 2: { // delete a run
                    int end = Math.min(in.length, at + (value & 63));
                    byte[] out = new byte[in.length - (end - at)];
                    System.arraycopy(in, 0, out, 0, at);
                    System.arraycopy(in, end, out, at, in.length - end);
                    return out;
                }
                default: { // splice in a token
                    byte[] t = token.getBytes(StandardCharsets.UTF_8);
                    byte[] out = new byte[in.length + t.length];
                    System.arraycopy(in, 0, out, 0, at);
                    System.arraycopy(t, 0, out, at, t.length);
                    System.arraycopy(in, at, out, at + t.length, in.length - at);
                    return out;
                }
            }
        }
    }

    private static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 255), Arbitraries.of(TOKENS)).as(Mutation::new);
    }

    static List<byte[]> corpus(String folder) {
        URL url = FeedParserFuzzTest.class.getResource("/feeds/" + folder);
        if (url == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md"))
                    .sorted().toList()) {
                try (InputStream in = Files.newInputStream(p)) {
                    out.add(in.readAllBytes());
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
