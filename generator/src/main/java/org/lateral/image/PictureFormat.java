package org.lateral.image;

import java.util.Locale;
import java.util.Optional;

/** The kinds of picture Lateral publishes: by the file's first bytes, and by its name. */
public enum PictureFormat {
    JPEG("jpg"), PNG("png"), WEBP("webp"), GIF("gif");

    private final String extension;

    PictureFormat(String extension) {
        this.extension = extension;
    }

    /** The extension written for files of this format ({@code jpg}). */
    public String extension() {
        return extension;
    }

    /** The format a file's name says ({@code Photo.JPEG} → JPEG), if it is a picture's name. */
    public static Optional<PictureFormat> byName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return switch (fileName.substring(dot + 1).toLowerCase(Locale.ROOT)) {
            case "jpg", "jpeg", "jpe" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "webp" -> Optional.of(WEBP);
            case "gif" -> Optional.of(GIF);
            default -> Optional.empty();
        };
    }

    /** The format the file's first bytes say, if any of these. */
    static Optional<PictureFormat> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of(PNG);
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Optional.of(WEBP);
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return Optional.of(GIF);
        }
        return Optional.empty();
    }
}
