package dev.newsbrief.index;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * A directory that fails like a full disk ("No space left on device") once {@code budget} bytes
 * have been written, or throws {@code error} (say an OutOfMemoryError) instead; for tests.
 */
public final class FullDisk extends FilterDirectory {
    private final AtomicLong left;
    private final Error error;

    public FullDisk(Directory in, long budget, Error error) {
        super(in);
        this.left = new AtomicLong(budget);
        this.error = error;
    }

    @Override
    public IndexOutput createOutput(String name, IOContext context) throws IOException {
        IndexOutput out = super.createOutput(name, context);
        return new IndexOutput(out.toString(), out.getName()) {
            private void take(long n) throws IOException {
                if (left.addAndGet(-n) < 0) {
                    if (error != null) {
                        throw error;
                    }
                    throw new IOException("No space left on device");
                }
            }

            @Override
            public void writeByte(byte b) throws IOException {
                take(1);
                out.writeByte(b);
            }

            @Override
            public void writeBytes(byte[] b, int offset, int length) throws IOException {
                take(length);
                out.writeBytes(b, offset, length);
            }

            @Override
            public long getFilePointer() {
                return out.getFilePointer();
            }

            @Override
            public long getChecksum() throws IOException {
                return out.getChecksum();
            }

            @Override
            public void close() throws IOException {
                out.close();
            }
        };
    }
}

