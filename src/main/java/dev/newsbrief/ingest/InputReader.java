package dev.newsbrief.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Reads one input file into parse outcomes by extension, refusing bad input with a reason:
 * too large, empty, binary, or nothing parseable. A .jsonl file is streamed line by line, so the
 * size limit applies to each line (record) rather than to the file.
 */
final class InputReader {
    static final Set<String> EXTENSIONS = Set.of("txt", "md", "html", "htm", "json", "jsonl");

    private final long maxBytes;
    private final TextDecoder decoder = new TextDecoder();
    private final TextArticleParser text = new TextArticleParser();
    private final HtmlArticleExtractor html = new HtmlArticleExtractor();
    private final JsonArticleParser json = new JsonArticleParser();

    InputReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Reads {@code file}, handing each outcome to {@code sink}, bytes consumed to {@code progress}
     * and remarks (like an encoding fallback) to {@code notes}.
     */
    void read(Path file, String origin, Consumer<ParseOutcome> sink, LongConsumer progress, Consumer<String> notes)
            throws IOException {
        String ext = extension(file);
        if (!EXTENSIONS.contains(ext)) {
            sink.accept(new ParseOutcome.Rejected(origin, "unsupported file type"
                    + (ext.isEmpty() ? "" : " ." + ext) + " (expected .txt, .md, .html, .htm, .json or .jsonl)"));
            progress.accept(Files.size(file));
            return;
        }
        if (ext.equals("jsonl")) {
            readJsonLines(file, origin, sink, progress, notes);
            return;
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            sink.accept(new ParseOutcome.Rejected(origin, "file too large: " + megabytes(size) + " exceeds the "
                    + megabytes(maxBytes) + " limit (ingest.max-file-size)"));
            progress.accept(size);
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        progress.accept(size);
        if (ext.equals("html") || ext.equals("htm")) {
            sink.accept(html.extract(bytes, null, null, origin));
            return;
        }
        TextDecoder.Decoded decoded;
        try {
            decoded = decoder.decode(bytes);
        } catch (TextDecoder.NotText e) {
            sink.accept(new ParseOutcome.Rejected(origin, e.getMessage()));
            return;
        }
        if (decoded.note() != null) {
            notes.accept(origin + ": " + decoded.note());
        }
        switch (ext) {
            case "json" -> json.parseDocument(decoded.text(), origin).forEach(sink);
            default -> sink.accept(text.parse(decoded.text(), origin));
        }
    }

    private void readJsonLines(Path file, String origin, Consumer<ParseOutcome> sink, LongConsumer progress,
            Consumer<String> notes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            // chunked reads and a scan for '\n': a byte-at-a-time stream costs more than parsing the JSON
            byte[] chunk = new byte[1 << 16];
            ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
            long lineBytes = 0;
            int[] counts = new int[2]; // line number, items seen
            int n;
            while ((n = in.read(chunk)) != -1) {
                int from = 0;
                while (from < n) {
                    int newline = indexOf(chunk, (byte) '\n', from, n);
                    int to = newline < 0 ? n : newline;
                    int keep = (int) Math.max(0, Math.min(to - from, maxBytes - lineBytes));
                    line.write(chunk, from, keep);
                    lineBytes += to - from;
                    if (newline < 0) {
                        break;
                    }
                    handleLine(line, lineBytes, true, origin, counts, sink, progress, notes);
                    line.reset();
                    lineBytes = 0;
                    from = newline + 1;
                }
            }
            handleLine(line, lineBytes, false, origin, counts, sink, progress, notes);
            if (counts[1] == 0) {
                sink.accept(new ParseOutcome.Rejected(origin, "empty"));
            }
        }
    }

    private static int indexOf(byte[] bytes, byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private void handleLine(ByteArrayOutputStream line, long lineBytes, boolean newline, String origin, int[] counts,
            Consumer<ParseOutcome> sink, LongConsumer progress, Consumer<String> notes) {
        counts[0]++;
        progress.accept(lineBytes + (newline ? 1 : 0));
        String where = origin + ":" + counts[0];
        if (lineBytes > maxBytes) {
            counts[1]++;
            sink.accept(new ParseOutcome.Rejected(where, "line too large: " + megabytes(lineBytes)
                    + " exceeds the " + megabytes(maxBytes) + " limit (ingest.max-file-size)"));
            return;
        }
        byte[] bytes = line.toByteArray();
        if (isBlank(bytes)) {
            return;
        }
        counts[1]++;
        TextDecoder.Decoded decoded;
        try {
            decoded = decoder.decode(bytes);
        } catch (TextDecoder.NotText e) {
            sink.accept(new ParseOutcome.Rejected(where, e.getMessage()));
            return;
        }
        if (decoded.note() != null) {
            notes.accept(where + ": " + decoded.note());
        }
        sink.accept(json.parseLine(decoded.text(), where));
    }

    private static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
