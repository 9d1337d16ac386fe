package dev.newsbrief.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * Where the index lives on disk, and the directory moves around it: a rebuild goes into a fresh
 * sibling directory ({@code index.rebuilding}) whatever state the live one is in, and is swapped in
 * by renames when complete; a damaged index is moved aside ({@code index.damaged-<time>}) for the
 * operator to look at. A crash between the two renames of a swap leaves no live directory and a
 * complete rebuild, which {@link #finishInterruptedSwap()} installs on the next open.
 */
public final class IndexLocation {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path live;
    private final Clock clock;

    public IndexLocation(Path live, Clock clock) {
        this.live = live;
        this.clock = clock;
    }

    /** The live index directory. */
    public Path live() {
        return live;
    }

    /** Where a rebuild is written before it is swapped in. */
    public Path building() {
        return live.resolveSibling(live.getFileName() + ".rebuilding");
    }

    /** Installs a complete rebuild whose swap a crash interrupted (no live index, a committed one beside it). */
    public void finishInterruptedSwap() {
        try {
            if (!Files.exists(live) && hasCommit(building())) {
                Files.move(building(), live, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new IndexException("cannot install the rebuilt index " + building() + " as " + live + ": "
                    + e.getMessage(), e);
        }
    }

    /** An empty {@link #building()} directory (whatever an interrupted rebuild left there is removed). */
    public Path freshBuilding() {
        try {
            deleteTree(building());
            return Files.createDirectories(building());
        } catch (IOException e) {
            throw new IndexException("cannot prepare " + building() + " for a rebuild: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the complete rebuild in {@link #building()} the live index: the old one is renamed away,
     * the new one renamed in, then the old one deleted. Each rename is atomic; readers that have
     * the old index open keep reading it until they reopen.
     */
    public void swapIn() {
        Path old = live.resolveSibling(live.getFileName() + ".old-" + STAMP.format(clock.instant()));
        try {
            if (Files.exists(live)) {
                Files.move(live, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(building(), live, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(old);
        } catch (IOException e) {
            throw new IndexException("cannot swap the rebuilt index " + building() + " in as " + live + ": "
                    + e.getMessage(), e);
        }
    }

    /** Renames the live directory to {@code index.damaged-<time>} and returns where it went. */
    public Path moveAside() {
        Path aside = live.resolveSibling(live.getFileName() + ".damaged-" + STAMP.format(clock.instant()));
        try {
            Files.move(live, aside, StandardCopyOption.ATOMIC_MOVE);
            return aside;
        } catch (IOException e) {
            throw new IndexException("cannot move the damaged index " + live + " aside: " + e.getMessage(), e);
        }
    }

    private static boolean hasCommit(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (FSDirectory d = FSDirectory.open(dir)) {
            return DirectoryReader.indexExists(d);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
