package dev.newsbrief.index;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps onnxruntime's native libraries in one cache directory instead of a new temporary one per
 * process. Left to itself, onnxruntime copies its 16 MB library into a fresh {@code
 * /tmp/onnxruntime-java*} directory on every start and deletes it at a normal exit only: each
 * killed or crashed process leaves a copy behind, and each normal one an empty directory. Here the
 * libraries shipped in the onnxruntime artifact are copied once into {@code dir/<platform>} (again
 * only when their bytes differ, e.g. after an upgrade; a new copy is written beside the old one and
 * moved over it, so processes starting together never load a half-written file) and onnxruntime is
 * pointed at them with its {@code onnxruntime.native.path} property. When that property is already
 * set, the platform is not one the artifact ships, or the directory cannot be written, nothing
 * changes and onnxruntime loads its libraries its own way.
 */
public final class OnnxNativeLibraries {
    static final String PROPERTY = "onnxruntime.native.path";
    private static final Logger log = LoggerFactory.getLogger(OnnxNativeLibraries.class);
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private final Path dir;

    /** @param dir the cache directory; the libraries go into a subdirectory named by the platform */
    public OnnxNativeLibraries(Path dir) {
        this.dir = dir;
    }

    /** The user's cache: {@code $XDG_CACHE_HOME/newsbrief/onnxruntime}, else {@code ~/.cache/newsbrief/onnxruntime}. */
    public static OnnxNativeLibraries inUserCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new OnnxNativeLibraries(cache.resolve("newsbrief").resolve("onnxruntime"));
    }

    /**
     * Copies the libraries if needed and points onnxruntime at them; call before onnxruntime's
     * first class is loaded.
     *
     * @return the directory onnxruntime loads from, or empty when it is left to its own way
     */
    public Optional<Path> install() {
        if (System.getProperty(PROPERTY) != null) {
            return Optional.empty();
        }
        Optional<String> platform = platform(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
        if (platform.isEmpty() || resource(platform.get(), LIBRARIES.get(0)) == null) {
            return Optional.empty();
        }
        Path target = dir.resolve(platform.get());
        try {
            Files.createDirectories(target);
            for (String library : LIBRARIES) {
                copyIfChanged(platform.get(), library, target.resolve(System.mapLibraryName(library)));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("onnxruntime's libraries stay where onnxruntime puts them: {} cannot be used ({})", target,
                    e.toString());
            return Optional.empty();
        }
        System.setProperty(PROPERTY, target.toString());
        return Optional.of(target);
    }

    /** onnxruntime's name for the platform, as in its artifact's {@code ai/onnxruntime/native/<platform>/}. */
    static Optional<String> platform(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : os.startsWith("windows") ? "win" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        return system == null || arch == null ? Optional.empty() : Optional.of(system + "-" + arch);
    }

    private static String resource(String platform, String library) {
        String name = "/ai/onnxruntime/native/" + platform + "/" + System.mapLibraryName(library);
        return OnnxNativeLibraries.class.getResource(name) == null ? null : name;
    }

    private static void copyIfChanged(String platform, String library, Path file) throws IOException {
        String name = resource(platform, library);
        if (name == null) {
            throw new IOException(library + " is not shipped for " + platform);
        }
        if (Files.isRegularFile(file) && sameBytes(name, file)) {
            return;
        }
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        try {
            try (InputStream in = OnnxNativeLibraries.class.getResourceAsStream(name)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static boolean sameBytes(String resource, Path file) throws IOException {
        try (InputStream a = new BufferedInputStream(OnnxNativeLibraries.class.getResourceAsStream(resource));
                InputStream b = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] x = new byte[65536];
            byte[] y = new byte[65536];
            while (true) {
                int n = a.readNBytes(x, 0, x.length);
                int m = b.readNBytes(y, 0, y.length);
                if (n != m || !Arrays.equals(x, 0, n, y, 0, m)) {
                    return false;
                }
                if (n == 0) {
                    return true;
                }
            }
        }
    }
}
