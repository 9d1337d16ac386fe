package dev.newsbrief.sources;

/** The {@code ETag} and {@code Last-Modified} of the last good response, for a conditional GET; either may be null. */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
}
