package dev.newsbrief.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

/**
 * The migration scripts of one classpath folder, as its index file {@value #INDEX} lists them
 * (one file name a line; {@code MigrationScriptsTest} checks that every folder's index names
 * exactly the scripts in it). Listing a folder inside the application jar means reading the
 * directory of a 120 MB archive, which cost 15-150 ms at every database open; reading the index
 * costs one small resource. Flyway gets its scripts from here too ({@link #resourceProvider}), so
 * it never scans the classpath either.
 */
final class MigrationScripts {
    /** The index file in each migration folder. */
    static final String INDEX = "scripts.index";
    private static final Pattern SCRIPT = Pattern.compile("V(\\d+)__[\\w-]+\\.sql");

    private final String folder;
    private final List<String> names;

    private MigrationScripts(String folder, List<String> names) {
        this.folder = folder;
        this.names = List.copyOf(names);
    }

    /** The scripts listed in {@code folder}'s index; a folder without one is an error. */
    static MigrationScripts in(String folder) {
        String text = read(folder + "/" + INDEX);
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            if (!SCRIPT.matcher(name).matches()) {
                throw new StoreException("bad line in " + folder + "/" + INDEX + ": " + name
                        + " (expected V<number>__<name>.sql)", null);
            }
            names.add(name);
        }
        return new MigrationScripts(folder, names);
    }

    /** The listed file names, in index order. */
    List<String> names() {
        return names;
    }

    /** The listed scripts' versions. */
    Set<Integer> versions() {
        Set<Integer> out = new HashSet<>();
        for (String name : names) {
            Matcher m = SCRIPT.matcher(name);
            if (m.matches()) {
                out.add(Integer.parseInt(m.group(1)));
            }
        }
        return out;
    }

    /** The listed scripts as Flyway resources (what its classpath scanner would have found in the folder). */
    ResourceProvider resourceProvider() {
        Location location = new Location("classpath:" + folder);
        ClassLoader loader = MigrationScripts.class.getClassLoader();
        List<LoadableResource> resources = new ArrayList<>();
        for (String name : names) {
            resources.add(new ClassPathResource(location, folder + "/" + name, loader, StandardCharsets.UTF_8));
        }
        return new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                for (LoadableResource r : resources) {
                    if (r.getRelativePath().equals(name)) {
                        return r;
                    }
                }
                return null;
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                List<LoadableResource> out = new ArrayList<>();
                for (LoadableResource r : resources) {
                    String file = r.getFilename();
                    if (file.startsWith(prefix) && endsWithAny(file, suffixes)) {
                        out.add(r);
                    }
                }
                return out;
            }
        };
    }

    private static boolean endsWithAny(String file, String[] suffixes) {
        for (String suffix : suffixes) {
            if (file.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    /** A classpath resource as text. */
    static String read(String resource) {
        try (InputStream in = MigrationScripts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new StoreException("missing migration resource " + resource, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + resource + ": " + e.getMessage(), e);
        }
    }
}
