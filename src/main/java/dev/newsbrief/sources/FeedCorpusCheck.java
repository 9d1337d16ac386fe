package dev.newsbrief.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Parses every file of a folder as a feed, the way a polled feed is parsed, and reports per file
 * either its format and item count or the reason it was refused. Used by {@code newsbrief check feeds}.
 */
public final class FeedCorpusCheck {
    /** One file's verdict; {@code refusal} is null when it parsed. */
    public record FileResult(Path file, String type, int items, int withoutTitle, String refusal) {
        public boolean parsed() {
            return refusal == null;
        }
    }

    /** All verdicts, with the one-line summary. */
    public record Report(List<FileResult> files) {
        public long parsed() {
            return files.stream().filter(FileResult::parsed).count();
        }

        public long items() {
            return files.stream().mapToLong(FileResult::items).sum();
        }

        public String summary() {
            return "feeds: " + files.size() + " files, " + parsed() + " parsed into " + items() + " items, "
                    + (files.size() - parsed()) + " refused with a reason";
        }
    }

    private final FeedParser parser = new FeedParser();

    public Report check(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new SourceException(dir + ": not a folder");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new SourceException(dir + ": cannot list files (" + e.getMessage() + ")", e);
        }
        List<FileResult> out = new ArrayList<>();
        for (Path file : files) {
            out.add(checkFile(file));
        }
        return new Report(out);
    }

    private FileResult checkFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new FileResult(file, null, 0, 0, "unreadable (" + e.getMessage() + ")");
        }
        try {
            ParsedFeed feed = parser.parse(bytes, null, file.getFileName().toString());
            if (feed.items().isEmpty()) {
                return new FileResult(file, feed.type(), 0, 0, "a " + feed.type() + " feed with no items");
            }
            int untitled = (int) feed.items().stream().filter(i -> i.title().isBlank()).count();
            return new FileResult(file, feed.type(), feed.items().size(), untitled, null);
        } catch (SourceException e) {
            return new FileResult(file, null, 0, 0, e.getMessage());
        }
    }
}
