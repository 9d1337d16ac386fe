package dev.newsbrief.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The first stage of the ingest pipeline: on its own thread it reads and parses the input files,
 * and hands each parsed article to a small pool of preparing threads (cleaning, language,
 * fingerprints, story features, passages); the writer receives the items in input order through a
 * bounded queue. Reading and preparing are most of ingestion's CPU work, so they overlap with SQLite
 * and Lucene writing instead of adding to it, and preparing on two or more threads keeps it from
 * being the pipeline's slowest stage. The queue bound (items read but not yet written) keeps memory
 * flat when the writer is slower.
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
        Cancelled(Exception cause) {
            super(cause);
        }
    }

    /**
     * Threads preparing articles: at least two, so that preparing (the costliest stage) is not the
     * pipeline's bottleneck on two cores, and at most four, since SQLite and Lucene each write on
     * one thread.
     */
    static int defaultWorkers() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    private final BlockingQueue<Future<Item>> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final ExecutorService workers;
    private final Thread thread;
    /** The writer's next item: taken from the queue, perhaps still being prepared. Writer thread only. */
    private Future<Item> head;

    /**
     * Starts reading {@code files} with {@code reader}, turning each parse outcome into an item with
     * {@code prepare} (which must be thread-safe) on {@link #defaultWorkers()} threads.
     */
    PreparingReader(List<Path> files, InputReader reader, Function<ParseOutcome, Item> prepare) {
        this(files, reader, prepare, defaultWorkers());
    }

    /** Like {@link #PreparingReader(List, InputReader, Function)}, preparing on {@code workers} threads. */
    PreparingReader(List<Path> files, InputReader reader, Function<ParseOutcome, Item> prepare, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1: " + workers);
        }
        AtomicInteger numbers = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(workers, r -> Thread.ofPlatform()
                .name("newsbrief-ingest-prepare-" + numbers.incrementAndGet()).daemon().unstarted(r));
        this.thread = Thread.ofPlatform().name("newsbrief-ingest-read").daemon().unstarted(
                () -> run(files, reader, prepare));
        thread.start();
    }

    private void run(List<Path> files, InputReader reader, Function<ParseOutcome, Item> prepare) {
        Throwable failure = null;
        try {
            for (Path file : files) {
                try {
                    reader.read(file, file.toString(), outcome -> put(prepared(prepare, outcome)),
                            n -> put(done(new Bytes(n))), note -> put(done(new Note(note))));
                } catch (IOException e) {
                    put(done(new Rejected(IngestOutcome.skipped(file.toString(), "cannot read: " + e.getMessage()))));
                }
            }
        } catch (Cancelled e) {
            return;
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        try {
            queue.put(done(new End(failure)));
        } catch (InterruptedException e) {
            // the writer has gone away; nobody is waiting for the end
        }
    }

    /** The item for {@code outcome}, being prepared on a worker. */
    private Future<Item> prepared(Function<ParseOutcome, Item> prepare, ParseOutcome outcome) {
        FutureTask<Item> task = new FutureTask<>(() -> prepare.apply(outcome));
        try {
            workers.execute(task);
        } catch (RejectedExecutionException e) {
            throw new Cancelled(e); // closed: the writer has gone away
        }
        return task;
    }

    private static Future<Item> done(Item item) {
        return CompletableFuture.completedFuture(item);
    }

    private void put(Future<Item> item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            throw new Cancelled(e);
        }
    }

    /**
     * The next item, waiting at most {@code nanos} ({@link Long#MAX_VALUE}: until there is one);
     * null if none was ready in time. Preparing that failed ends the input with its failure.
     */
    Item poll(long nanos) throws InterruptedException {
        boolean forever = nanos == Long.MAX_VALUE;
        long deadline = forever ? 0 : System.nanoTime() + nanos;
        if (head == null) {
            head = forever ? queue.take() : queue.poll(nanos, TimeUnit.NANOSECONDS);
            if (head == null) {
                return null;
            }
        }
        try {
            Item item = forever ? head.get() : head.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            head = null;
            return item;
        } catch (TimeoutException e) {
            return null;
        } catch (ExecutionException e) {
            head = null;
            return new End(e.getCause());
        }
    }

    /** Stops reading and preparing (if still going) and waits for the threads to end. */
    @Override
    public void close() {
        workers.shutdownNow();
        thread.interrupt();
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (!workers.isTerminated()) {
            try {
                workers.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
