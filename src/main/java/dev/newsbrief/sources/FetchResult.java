package dev.newsbrief.sources;

/** What an HTTP fetch produced: a body, or word that the resource has not changed. */
public sealed interface FetchResult {
    /** 304: nothing new since the validators that were sent. */
    record NotModified(String finalUrl) implements FetchResult {}

    /**
     * A 2xx body, already un-gzipped and within the size cap.
     *
     * @param contentType the Content-Type header, or null
     * @param finalUrl    the URL after redirects, for resolving relative links
     * @param validators  the response's ETag and Last-Modified, for the next conditional GET
     */
    record Body(byte[] bytes, String contentType, String finalUrl, Validators validators) implements FetchResult {}
}
