package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxNativeLibrariesTest {
    @Test
    void platformsAreNamedAsInTheOnnxruntimeArtifact() {
        assertThat(OnnxNativeLibraries.platform("Linux", "amd64")).contains("linux-x64");
        assertThat(OnnxNativeLibraries.platform("Linux", "aarch64")).contains("linux-aarch64");
        assertThat(OnnxNativeLibraries.platform("Mac OS X", "aarch64")).contains("osx-aarch64");
        assertThat(OnnxNativeLibraries.platform("Windows 11", "amd64")).contains("win-x64");
        assertThat(OnnxNativeLibraries.platform("SunOS", "sparcv9")).isEmpty();
        assertThat(OnnxNativeLibraries.platform("Linux", "riscv64")).isEmpty();
    }

    @Test
    void theLibrariesAreCopiedOnceAndACorruptCopyIsReplaced(@TempDir Path cache) throws Exception {
        String before = System.getProperty(OnnxNativeLibraries.PROPERTY);
        try {
            System.clearProperty(OnnxNativeLibraries.PROPERTY);
            Optional<Path> dir = new OnnxNativeLibraries(cache).install();
            assertThat(dir).isPresent(); // this build runs on a platform the artifact ships
            assertThat(System.getProperty(OnnxNativeLibraries.PROPERTY)).isEqualTo(dir.get().toString());
            Path library = dir.get().resolve(System.mapLibraryName("onnxruntime"));
            Path jni = dir.get().resolve(System.mapLibraryName("onnxruntime4j_jni"));
            assertThat(library).isRegularFile();
            assertThat(Files.size(library)).isGreaterThan(1_000_000);
            assertThat(jni).isRegularFile();

            // a second process finds them as they are and leaves them alone
            FileTime stamp = FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(library, stamp);
            System.clearProperty(OnnxNativeLibraries.PROPERTY);
            assertThat(new OnnxNativeLibraries(cache).install()).isEqualTo(dir);
            assertThat(Files.getLastModifiedTime(library)).isEqualTo(stamp);

            // a truncated copy (a crash while copying by hand, a disk error) is made whole again
            long size = Files.size(jni);
            Files.write(jni, new byte[] {1, 2, 3});
            System.clearProperty(OnnxNativeLibraries.PROPERTY);
            assertThat(new OnnxNativeLibraries(cache).install()).isEqualTo(dir);
            assertThat(Files.size(jni)).isEqualTo(size);
            try (var files = Files.list(dir.get())) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
            }

            // an operator's own setting wins
            System.setProperty(OnnxNativeLibraries.PROPERTY, "/opt/onnxruntime");
            assertThat(new OnnxNativeLibraries(cache.resolve("other")).install()).isEmpty();
            assertThat(cache.resolve("other")).doesNotExist();
        } finally {
            if (before == null) {
                System.clearProperty(OnnxNativeLibraries.PROPERTY);
            } else {
                System.setProperty(OnnxNativeLibraries.PROPERTY, before);
            }
        }
    }

    @Test
    void anUnwritableDirectoryLeavesOnnxruntimeToItsOwnWay(@TempDir Path tmp) throws Exception {
        String before = System.getProperty(OnnxNativeLibraries.PROPERTY);
        try {
            System.clearProperty(OnnxNativeLibraries.PROPERTY);
            Path file = Files.writeString(tmp.resolve("a-file"), "not a directory");
            assertThat(new OnnxNativeLibraries(file.resolve("cache")).install()).isEmpty();
            assertThat(System.getProperty(OnnxNativeLibraries.PROPERTY)).isNull();
        } finally {
            if (before != null) {
                System.setProperty(OnnxNativeLibraries.PROPERTY, before);
            }
        }
    }
}
