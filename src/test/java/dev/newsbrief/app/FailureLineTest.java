package dev.newsbrief.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.IndexException;
import java.io.IOException;
import org.apache.lucene.store.AlreadyClosedException;
import org.junit.jupiter.api.Test;

/** What a person reads when a command fails: one line naming the cause, never a later symptom. */
class FailureLineTest {
    @Test
    void outOfMemoryIsNamedWithWhatToDoEvenBehindAClosedWriter() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertThat(Main.failureLine(oom)).startsWith("out of memory (Java heap space); give Java more heap");
        assertThat(Main.failureLine(new AlreadyClosedException("this IndexWriter is closed", oom)))
                .startsWith("out of memory (Java heap space)").doesNotContain("AlreadyClosed");
    }

    @Test
    void aFullDiskIsNamedAndOurOwnMessagesPassThrough() {
        IOException enospc = new IOException("No space left on device");
        assertThat(Main.failureLine(new AlreadyClosedException("this IndexWriter is closed", enospc)))
                .isEqualTo("disk full (No space left on device); free space and run it again");
        assertThat(Main.failureLine(new IndexException("disk full while writing the index at /data/index "
                + "(No space left on device)", enospc)))
                .isEqualTo("disk full while writing the index at /data/index (No space left on device)");
        assertThat(Main.failureLine(new IllegalStateException("boom"))).isEqualTo("internal error (IllegalStateException: boom)");
    }
}
