package org.lateral.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentHashTest {

    @TempDir
    Path tmp;

    @Test
    void equalContentHasEqualFingerprintsAndAnyChangedByteChangesIt() {
        byte[] text = "---\ntitle: Oracy\n---\nWhat happened when the class talked first.\n".getBytes(StandardCharsets.UTF_8);
        String fp = ContentHash.of(text);
        assertThat(fp).hasSize(32).matches("[0-9a-f]{32}");
        assertThat(ContentHash.of(text.clone())).isEqualTo(fp);
        assertThat(ContentHash.of(new String(text, StandardCharsets.UTF_8))).isEqualTo(fp);
        Set<String> seen = new HashSet<>();
        seen.add(fp);
        for (int i = 0; i < text.length; i++) {
            byte[] changed = text.clone();
            changed[i] ^= 1;
            assertThat(seen.add(ContentHash.of(changed))).as("byte %d changed", i).isTrue();
        }
    }

    @Test
    void aFileOfOnePieceIsFingerprintedAsItsBytes() throws Exception {
        byte[] bytes = random(ContentHash.PIECE, 1);
        Path f = Files.write(tmp.resolve("post.md"), bytes);
        assertThat(ContentHash.of(f)).isEqualTo(ContentHash.of(bytes));
        Path empty = Files.write(tmp.resolve("empty.md"), new byte[0]);
        assertThat(ContentHash.of(empty)).isEqualTo(ContentHash.of(new byte[0]));
    }

    @Test
    void aLongerFileChangesItsFingerprintWhenAnyPieceChangesMovesOrGrows() throws Exception {
        int n = 3 * ContentHash.PIECE + 17;
        byte[] bytes = random(n, 2);
        String fp = ContentHash.of(Files.write(tmp.resolve("photo.jpg"), bytes));
        assertThat(ContentHash.of(Files.write(tmp.resolve("copy.jpg"), bytes))).isEqualTo(fp);
        Set<String> seen = new HashSet<>();
        seen.add(fp);
        for (int at : new int[] {0, ContentHash.PIECE - 1, ContentHash.PIECE, 2 * ContentHash.PIECE + 5, n - 1}) {
            byte[] changed = bytes.clone();
            changed[at] ^= 0x40;
            assertThat(seen.add(ContentHash.of(Files.write(tmp.resolve("changed.jpg"), changed)))).as("byte %d", at).isTrue();
        }
        byte[] swapped = bytes.clone(); // the first two pieces swapped: the same pieces in another order
        System.arraycopy(bytes, ContentHash.PIECE, swapped, 0, ContentHash.PIECE);
        System.arraycopy(bytes, 0, swapped, ContentHash.PIECE, ContentHash.PIECE);
        assertThat(seen.add(ContentHash.of(Files.write(tmp.resolve("swapped.jpg"), swapped)))).isTrue();
        byte[] longer = java.util.Arrays.copyOf(bytes, n + 1);
        assertThat(seen.add(ContentHash.of(Files.write(tmp.resolve("longer.jpg"), longer)))).isTrue();
        assertThat(fp).isNotEqualTo(ContentHash.of(bytes)); // pieces, not one run of MurmurHash3 over the whole file
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
