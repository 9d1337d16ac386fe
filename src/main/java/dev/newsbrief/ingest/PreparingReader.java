package dev.newsbrief.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The first stage of the ingest pipeline: on its own thread it reads the input files, parses
 * them and prepares each article (cleaning, fingerprints, passages), handing items in input order
 * to the writer through a bounded queue. Reading and preparing are most of ingestion's CPU work,
 * so on a machine with two or more cores they overlap with SQLite and Lucene writing instead of
 * adding to it. The queue bound keeps memory flat when the writer is slower.
 */
final class PreparingReader implements AutoCloseable {
    private static final int QUEUE_CAPACITY = 512;

    /** What the writer receives, in input order. */
    sealed interface Item {
    }

    /** An article ready to store. */
    record Ready(PreparedArticle article) implements Item {
    }

    /** An input item that will not be stored, with the reason in its outcome. */
    record Rejected(IngestOutcome outcome) implements Item {
    }

    /** Input bytes consumed, for progress. */
    record Bytes(long count) implements Item {
    }

    /** A remark for the report, such as an encoding fallback. */
    record Note(String text) implements Item {
    }

    /** The last item: all input read, or reading failed with {@code failure}. */
    record End(Throwable failure) implements Item {
    }

    /** Thrown through the parser callbacks to unwind when the writer has gone away. */
    private static final class Cancelled extends RuntimeException {
        Cancelled(InterruptedException cause) {
            super(cause);
        }
    }

    private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread thread;

    /**
     * Starts reading {@code files} with {@code reader}, turning each parse outcome into an item with
     * {@code prepare} (which must be thread-safe).
     */
    PreparingReader(List<Path> files, InputReader reader, Function<ParseOutcome, Item> prepare) {
        this.thread = Thread.ofPlatform().name("newsbrief-ingest-prepare").daemon().unstarted(
                () -> run(files, reader, prepare));
        thread.start();
    }

    private void run(List<Path> files, InputReader reader, Function<ParseOutcome, Item> prepare) {
        Throwable failure = null;
        try {
            for (Path file : files) {
                try {
                    reader.read(file, file.toString(), outcome -> put(prepare.apply(outcome)),
                            n -> put(new Bytes(n)), note -> put(new Note(note)));
                } catch (IOException e) {
                    put(new Rejected(IngestOutcome.skipped(file.toString(), "cannot read: " + e.getMessage())));
                }
            }
        } catch (Cancelled e) {
            return;
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        try {
            queue.put(new End(failure));
        } catch (InterruptedException e) {
            // the writer has gone away; nobody is waiting for the end
        }
    }

    private void put(Item item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw new Cancelled(e);
        }
    }

    /** The next item, waiting at most {@code nanos}; null if none arrived in time. */
    Item poll(long nanos) throws InterruptedException {
        return queue.poll(nanos, TimeUnit.NANOSECONDS);
    }

    /** Stops reading (if still going) and waits for the thread to end. */
    @Override
    public void close() {
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
