package dev.newsbrief.ingest;

/** Receives progress of a file ingest in bytes read, e.g. to draw a progress bar. */
public interface IngestProgress {
    IngestProgress NONE = new IngestProgress() {
        @Override
        public void start(long totalBytes) {
        }

        @Override
        public void advance(long bytes) {
        }

        @Override
        public void finish() {
        }
    };

    /** Called once before reading, with the total size of all input files. */
    void start(long totalBytes);

    /** Called as input is consumed, with the bytes consumed since the last call. */
    void advance(long bytes);

    /** Called once when everything is read. */
    void finish();
}
