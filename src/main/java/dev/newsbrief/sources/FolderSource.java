package dev.newsbrief.sources;

import java.nio.file.Path;
import java.time.Duration;

/** A folder whose new or changed files are ingested. */
public record FolderSource(String name, Path path, Duration interval) implements Source {
    @Override
    public String location() {
        return path.toString();
    }

    @Override
    public String kind() {
        return "folder";
    }
}
