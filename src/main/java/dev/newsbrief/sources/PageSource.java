package dev.newsbrief.sources;

import java.time.Duration;

/** A single web page, fetched again (conditionally) every {@code interval}. */
public record PageSource(String name, String url, Duration interval) implements Source {
    @Override
    public String location() {
        return url;
    }

    @Override
    public String kind() {
        return "page";
    }
}
