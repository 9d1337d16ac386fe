package dev.newsbrief.brief;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The place names the answer spotter knows (resource {@code brief/places.txt}, one lower-case name a line). */
final class Places {
    private Places() {
    }

    static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = Places.class.getResourceAsStream("/brief/places.txt")) {
            if (in == null) {
                throw new IllegalStateException("the resource brief/places.txt is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String name = line.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !name.startsWith("#")) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read brief/places.txt", e);
        }
        return Set.copyOf(out);
    }
}
