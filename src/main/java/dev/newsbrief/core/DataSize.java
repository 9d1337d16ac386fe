package dev.newsbrief.core;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of bytes as operators write it: {@code 10MB}, {@code 512kb}, {@code 1.5GB} or a plain
 * number of bytes. Units are binary (1 KB = 1024 bytes).
 *
 * @param bytes the size in bytes, never negative
 */
public record DataSize(long bytes) {
    private static final Pattern TEXT = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb)?\\s*");
    private static final long KB = 1024L;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("a size cannot be negative: " + bytes);
        }
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    public static DataSize ofMegabytes(long megabytes) {
        return new DataSize(megabytes * MB);
    }

    /** Reads {@code 10MB}, {@code 512kb}, {@code 1.5GB} or a number of bytes; empty when it is none of these. */
    public static Optional<DataSize> parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group(1));
        long factor = switch (m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT)) {
            case "kb" -> KB;
            case "mb" -> MB;
            case "gb" -> GB;
            default -> 1L;
        };
        return Optional.of(new DataSize((long) (n * factor)));
    }

    /** The largest unit that writes this size exactly: {@code 10MB}, {@code 512KB}, {@code 1000B}. */
    @Override
    public String toString() {
        if (bytes > 0 && bytes % GB == 0) {
            return bytes / GB + "GB";
        }
        if (bytes > 0 && bytes % MB == 0) {
            return bytes / MB + "MB";
        }
        if (bytes > 0 && bytes % KB == 0) {
            return bytes / KB + "KB";
        }
        return bytes + "B";
    }
}
