package dev.newsbrief.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads lines from a stream such as a pipe; no prompts, no editing. */
public final class StreamLineSource implements LineSource {
    private final BufferedReader reader;

    public StreamLineSource(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    @Override
    public boolean interactive() {
        return false;
    }

    @Override
    public void close() {
        // standard input belongs to the process; leave it open
    }
}
