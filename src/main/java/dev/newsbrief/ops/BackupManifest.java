package dev.newsbrief.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What a backup holds, written next to the database copy as {@code manifest.json}.
 *
 * @param createdAt     when the copy was taken
 * @param source        the data directory it was taken from
 * @param schemaVersion the database's migration version
 * @param articles      articles in the copy, checked again on restore
 * @param databaseBytes size of the copied database file
 * @param index         how the index is restored ({@value #INDEX_REBUILT})
 */
public record BackupManifest(Instant createdAt, String source, long schemaVersion, long articles, long databaseBytes,
        String index) {
    public static final String FILE = "manifest.json";
    public static final String DATABASE = "newsbrief.db";
    public static final String INDEX_REBUILT = "rebuilt from the database on restore";
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    void writeTo(Path dir) throws IOException {
        Files.writeString(dir.resolve(FILE), JSON.writeValueAsString(this) + "\n");
    }

    static BackupManifest readFrom(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new OpsException(dir + " is not a newsbrief backup (no " + FILE + ")");
        }
        try {
            return JSON.readValue(file.toFile(), BackupManifest.class);
        } catch (IOException e) {
            throw new OpsException("backup manifest " + file + " is unreadable: " + e.getMessage(), e);
        }
    }
}
