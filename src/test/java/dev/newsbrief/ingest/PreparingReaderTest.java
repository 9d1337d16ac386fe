package dev.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Articles prepared on several threads still reach the writer in input order, and a failure ends the input. */
class PreparingReaderTest {
    @TempDir
    Path tmp;

    private Path corpus(int articles) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < articles; i++) {
            sb.append("{\"id\":\"a").append(i).append("\",\"title\":\"T").append(i)
                    .append("\",\"body\":\"Body of article ").append(i).append(".\"}\n");
        }
        return Files.writeString(tmp.resolve("in.jsonl"), sb.toString());
    }

    /** Prepares an article as a rejection naming its id, after a random pause so workers finish out of order. */
    private static PreparingReader.Item slowly(ParseOutcome outcome) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String id = outcome instanceof ParseOutcome.Parsed p ? p.article().id() : "rejected";
        return new PreparingReader.Rejected(IngestOutcome.skipped(id, "prepared"));
    }

    private static List<PreparingReader.Item> drain(PreparingReader reader) throws InterruptedException {
        List<PreparingReader.Item> items = new ArrayList<>();
        while (true) {
            PreparingReader.Item item = reader.poll(Long.MAX_VALUE);
            items.add(item);
            if (item instanceof PreparingReader.End) {
                return items;
            }
        }
    }

    @Test
    void itemsPreparedOnSeveralThreadsArriveInInputOrder() throws Exception {
        Path file = corpus(300);
        List<String> ids = new ArrayList<>();
        try (PreparingReader reader = new PreparingReader(List.of(file), new InputReader(1 << 20),
                PreparingReaderTest::slowly, 3)) {
            for (PreparingReader.Item item : drain(reader)) {
                if (item instanceof PreparingReader.Rejected r) {
                    ids.add(r.outcome().origin());
                }
                if (item instanceof PreparingReader.End end) {
                    assertThat(end.failure()).isNull();
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add("a" + i);
        }
        assertThat(ids).containsExactlyElementsOf(expected);
    }

    @Test
    void aShortWaitReturnsNothingUntilTheNextItemIsPreparedAndThenReturnsIt() throws Exception {
        Path file = corpus(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<ParseOutcome, PreparingReader.Item> held = outcome -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return slowly(outcome);
        };
        try (PreparingReader reader = new PreparingReader(List.of(file), new InputReader(1 << 20), held, 2)) {
            PreparingReader.Item first;
            do {
                first = reader.poll(1_000_000);
            } while (first instanceof PreparingReader.Bytes);
            assertThat(first).as("the article is still being prepared").isNull();
            release.countDown();
            List<PreparingReader.Item> items = drain(reader);
            assertThat(items.stream().filter(i -> i instanceof PreparingReader.Rejected).count()).isEqualTo(1);
            assertThat(items.get(items.size() - 1)).isInstanceOf(PreparingReader.End.class);
        }
    }

    @Test
    void aFailureWhilePreparingEndsTheInputWithThatFailure() throws Exception {
        Path file = corpus(50);
        Function<ParseOutcome, PreparingReader.Item> failing = outcome -> {
            if (outcome instanceof ParseOutcome.Parsed p && p.article().id().equals("a20")) {
                throw new IllegalStateException("cannot prepare a20");
            }
            return slowly(outcome);
        };
        try (PreparingReader reader = new PreparingReader(List.of(file), new InputReader(1 << 20), failing, 2)) {
            List<PreparingReader.Item> items = drain(reader);
            long before = items.stream().filter(i -> i instanceof PreparingReader.Rejected).count();
            assertThat(before).isEqualTo(20);
            PreparingReader.End end = (PreparingReader.End) items.get(items.size() - 1);
            assertThat(end.failure()).isInstanceOf(IllegalStateException.class).hasMessage("cannot prepare a20");
        }
    }
}
