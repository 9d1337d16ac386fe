package dev.newsbrief.chat;

/** Ingests one feed or page URL on an admin's request; implemented by the sources package. */
public interface UrlIngestor {
    /** Fetches and ingests {@code url}; returns a one-line summary for the admin. */
    String ingest(String url);
}
