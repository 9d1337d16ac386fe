package dev.newsbrief.sources;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Fetches feeds and pages with OkHttp: connect, read and whole-call timeouts, a clear User-Agent,
 * transparent gzip, conditional GET, a size cap on the decoded body, and a per-host politeness
 * delay ({@link HostPoliteness}: one request per host at a time, each {@code politeness-delay} after
 * the previous one ended). Redirects are followed here rather than by OkHttp so their number is ours
 * to limit and each hop waits its host's turn. A GET that fails on a stale pooled connection is
 * retried once on a fresh one (OkHttp's connection-failure recovery) within the same turn: a
 * connection the server closed while idle delivered nothing to it, so the retry is its one request. Thread-safe; one instance serves every source.
 */
public final class HttpFetcher implements AutoCloseable {
    public static final String FEED_ACCEPT =
            "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.9, "
                    + "text/xml;q=0.9, */*;q=0.5";
    public static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

    private final FetchOptions options;
    private final OkHttpClient client;
    private final HostPoliteness politeness;

    public HttpFetcher(FetchOptions options) {
        this.options = options;
        this.politeness = new HostPoliteness(options.politenessDelay());
        this.client = new OkHttpClient.Builder()
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .callTimeout(options.callTimeout())
                .followRedirects(false)
                .followSslRedirects(false)
                // a server may close a kept-alive connection between requests (HTTP/1.0, short
                // keep-alive timeouts); OkHttp then retries the GET once on a fresh connection
                // instead of failing with "unexpected end of stream". Timeouts are not retried.
                .retryOnConnectionFailure(true)
                .build();
    }

    /**
     * GETs {@code url}, sending {@code validators} as If-None-Match / If-Modified-Since.
     *
     * @throws FetchException naming the URL and what went wrong (status, timeout, size, redirects)
     */
    public FetchResult fetch(String url, Validators validators, String accept) {
        HttpUrl current = HttpUrl.parse(url);
        if (current == null) {
            throw new FetchException(url + ": not an http(s) URL", 0);
        }
        for (int hop = 0; ; hop++) {
            Request.Builder request = new Request.Builder().url(current)
                    .header("User-Agent", options.userAgent())
                    .header("Accept", accept);
            if (validators.etag() != null) {
                request.header("If-None-Match", validators.etag());
            }
            if (validators.lastModified() != null) {
                request.header("If-Modified-Since", validators.lastModified());
            }
            // the host's turn ends once the answer is read (or the call failed): its pause starts then
            try (HostPoliteness.Turn turn = awaitTurn(current);
                    Response response = client.newCall(request.build()).execute()) {
                if (response.isRedirect()) {
                    if (hop >= options.maxRedirects()) {
                        throw new FetchException(url + ": more than " + options.maxRedirects() + " redirects",
                                response.code());
                    }
                    current = redirectTarget(url, current, response);
                    continue;
                }
                if (response.code() == 304) {
                    return new FetchResult.NotModified(current.toString());
                }
                if (!response.isSuccessful()) {
                    throw new FetchException(url + ": HTTP " + response.code() + describe(response), response.code(),
                            retryAfter(response));
                }
                byte[] bytes = readCapped(url, response.body());
                return new FetchResult.Body(bytes, response.header("Content-Type"), current.toString(),
                        new Validators(response.header("ETag"), response.header("Last-Modified")));
            } catch (InterruptedIOException e) {
                throw new FetchException(url + ": timed out (" + timeoutKind(e) + ")", e);
            } catch (IOException e) {
                throw new FetchException(url + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage()), e);
            }
        }
    }

    private HostPoliteness.Turn awaitTurn(HttpUrl url) {
        try {
            return politeness.await(url.host());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(url + ": interrupted while waiting for the politeness delay", e);
        }
    }

    private static HttpUrl redirectTarget(String original, HttpUrl current, Response response) {
        String location = response.header("Location");
        HttpUrl next = location == null ? null : current.resolve(location);
        if (next == null) {
            throw new FetchException(original + ": HTTP " + response.code() + " redirect without a usable Location",
                    response.code());
        }
        return next;
    }

    private byte[] readCapped(String url, ResponseBody body) throws IOException {
        if (body == null) {
            return new byte[0];
        }
        long declared = body.contentLength();
        if (declared > options.maxBytes()) {
            throw new FetchException(url + ": response of " + declared + " bytes is over the "
                    + options.maxBytes() + "-byte limit", 0);
        }
        try (InputStream in = body.byteStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, options.maxBytes() + 1));
            if (bytes.length > options.maxBytes()) {
                throw new FetchException(url + ": response is over the " + options.maxBytes() + "-byte limit", 0);
            }
            return bytes;
        }
    }

    /** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static String describe(Response response) {
        String message = response.message();
        return message == null || message.isBlank() ? "" : " " + message;
    }

    private String timeoutKind(InterruptedIOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        if (m.contains("connect")) {
            return "no connection within " + options.connectTimeout().toMillis() + " ms";
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return "no data for " + options.readTimeout().toMillis() + " ms";
        }
        return "not complete within " + options.callTimeout().toMillis() + " ms";
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
