package dev.newsbrief.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The data directory: the SQLite file, the Lucene index, and the lock that lets only one
 * newsbrief process write at a time. Readers ({@code ask}, {@code stats}) need no lock.
 */
public final class DataDirectory {
    private static final String LOCK = "newsbrief.lock";
    private static final String HOLDER = "newsbrief.lock.holder";

    private final Path root;

    private DataDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public static DataDirectory at(Path root) {
        return new DataDirectory(root);
    }

    public Path root() {
        return root;
    }

    public Path database() {
        return root.resolve("newsbrief.db");
    }

    public Path index() {
        return root.resolve("index");
    }

    /** The dense vectors of the indexed articles: derived like the index, rebuilt from it. */
    public Path vectors() {
        return root.resolve("vectors");
    }

    public boolean exists() {
        return Files.exists(database());
    }

    /**
     * Takes the write lock for {@code command}, recording this process as the holder.
     *
     * @throws DataDirectoryBusyException naming the process that holds it
     */
    public WriteLock lockForWriting(String command) {
        try {
            Files.createDirectories(root);
            FileChannel channel = FileChannel.open(root.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new DataDirectoryBusyException("data directory " + root + " is in use by " + holder()
                        + "; stop it first or use another --data directory");
            }
            ProcessHandle self = ProcessHandle.current();
            Files.writeString(root.resolve(HOLDER), "newsbrief process " + self.pid() + " (" + command
                    + ", since " + Instant.now() + ")", StandardCharsets.UTF_8);
            return new WriteLock(channel, lock);
        } catch (IOException e) {
            throw new StoreException("cannot lock data directory " + root + ": " + e.getMessage(), e);
        }
    }

    private String holder() {
        try {
            return Files.readString(root.resolve(HOLDER), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "another newsbrief process";
        }
    }

    /** Held for the lifetime of a writing command; closing releases it. */
    public static final class WriteLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private WriteLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // the OS releases the lock with the process anyway
            }
        }
    }
}
