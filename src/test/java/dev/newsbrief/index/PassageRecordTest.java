package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.lang.LabelledArticles;
import dev.newsbrief.store.Article;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/**
 * Differential test: what {@link PassageRecord} keeps of every passage (number, text, and its
 * article's card on the first passage) is exactly what the passage's stored fields hold, for
 * articles with and without source, address and publication time, in many languages and
 * scripts, including text Lucene's UTF-8 cannot hold as written (an unpaired surrogate).
 */
class PassageRecordTest {
    private static final PassageSplitter SPLITTER = new PassageSplitter();
    private static final Instant WHEN = Instant.parse("2025-03-22T10:00:00Z");

    private static final List<Article> WRITTEN = List.of(
            article("full", "https://example.com/full", "U.S. grain", "Reuters", WHEN,
                    "Mr. Smith met U.S. officials on Jan. 5. The deficit widened.\n\nSales rose 3.5 pct.", "en"),
            article("bare", null, "No source, address or time", null, null,
                    "Nothing is known about where this came from. It still answers.", null),
            article("empty", "", "", "", Instant.ofEpochMilli(-86_400_000L),
                    "An empty title, source and address, published before 1970.", "und"),
            article("long", "https://example.com/long", "Long", "Wire", WHEN,
                    ("Exports of coffee, cocoa and sugar rose in the year to March. ").repeat(120), "en"),
            article("odd", "https://example.com/odd", "Zürich \uD83D\uDE00 café", "Ex", WHEN,
                    "Coffee in Zürich rose 5\u00A0pct. A lone surrogate \uD800 here. Æsop's naïve coöperation.", "en"),
            article("de", "https://example.de/de", "Kakaoernte", "Beispiel", WHEN,
                    "Die Kakaoernte in Bahia kam spät. Die Bauern sagten das.", "de"),
            article("zh", "https://example.cn/zh", "中国经济", "例子", WHEN, "中国经济增长放缓。出口下降了百分之五。", "zh"));

    private static Article article(String id, String url, String title, String source, Instant published,
            String body, String language) {
        return new Article(id, url, title, source, published, WHEN, WHEN, body, "hash-" + id, null, Map.of(),
                language);
    }

    @Test
    void everyPassageRecordsWhatItsStoredFieldsHold() throws IOException {
        List<Article> all = new ArrayList<>(WRITTEN);
        for (LabelledArticles.Labelled l : LabelledArticles.all()) {
            all.add(article(l.id(), "https://example.org/" + l.id(), l.title(), "test", WHEN, l.body(), l.language()));
        }
        int passages = 0;
        int cards = 0;
        PassageRecord.Card card = null;
        for (IndexedPassages.Read p : IndexedPassages.of(all)) {
            Document d = p.stored();
            String language = d.get(PassageFields.LANGUAGE);
            PassageRecord r = p.record();
            assertThat(r).as(d.get(PassageFields.ID)).isNotNull();
            int number = d.getField(PassageFields.PASSAGE).numericValue().intValue();
            assertThat(r.number()).isEqualTo(number);
            assertThat(r.text()).isEqualTo(d.get(PassageFields.of(PassageFields.TEXT, language)));
            assertThat(r.card() != null).as("a card on the first passage only").isEqualTo(number == 0);
            if (number == 0) {
                card = r.card();
                cards++;
            }
            // every passage's stored article fields are its first passage's card
            var published = d.getField(PassageFields.PUBLISHED);
            assertThat(card).isEqualTo(new PassageRecord.Card(
                    d.get(PassageFields.of(PassageFields.TITLE, language)), language,
                    d.get(PassageFields.SOURCE), d.get(PassageFields.URL),
                    published == null ? null : Instant.ofEpochMilli(published.numericValue().longValue())));
            passages++;
        }
        assertThat(cards).isEqualTo(all.size());
        assertThat(passages).isGreaterThan(cards);
    }

    @Test
    void aPassageWhoseSentencesCouldNotBeRecordedKeepsItsText() {
        Article a = WRITTEN.get(0);
        Passage p = SPLITTER.split(a.id(), a.body()).get(1);
        PassageRecord r = PassageRecord.of(PassageRecord.encode(a, "en", p, null));
        assertThat(r.number()).isEqualTo(1);
        assertThat(r.text()).isEqualTo(p.text());
        assertThat(r.card()).isNull();
        assertThat(r.sentences()).isNull();
    }

    @Test
    void aValueReadAtAnOffsetIsDecodedFromThere() {
        Article a = WRITTEN.get(0);
        Passage p = SPLITTER.split(a.id(), a.body()).get(0);
        BytesRef value = PassageRecord.encode(a, "en", p, new BytesRef(new byte[] {0, 0}));
        byte[] padded = new byte[value.length + 7];
        System.arraycopy(value.bytes, value.offset, padded, 5, value.length);
        PassageRecord r = PassageRecord.of(new BytesRef(padded, 5, value.length));
        assertThat(r.text()).isEqualTo(p.text());
        assertThat(r.card()).isEqualTo(new PassageRecord.Card(a.title(), "en", a.source(), a.url(), a.publishedAt()));
        assertThat(r.sentences()).isNotNull();
    }

    @Test
    void damagedValuesReadAsAbsentAndNeverThrow() {
        Article a = WRITTEN.get(0);
        Passage p = SPLITTER.split(a.id(), a.body()).get(0);
        BytesRef value = PassageRecord.encode(a, "en", p, null);
        byte[] bytes = Arrays.copyOfRange(value.bytes, value.offset, value.offset + value.length);
        assertThat(PassageRecord.of(new BytesRef(bytes))).isNotNull();
        for (int cut = 0; cut < bytes.length; cut++) {
            assertThat(PassageRecord.of(new BytesRef(bytes, 0, cut))).as("cut at " + cut).isNull();
        }
        byte[] unknownFlag = bytes.clone();
        unknownFlag[0] |= (byte) 0x80;
        assertThat(PassageRecord.of(new BytesRef(unknownFlag))).isNull();
        byte[] trailing = Arrays.copyOf(bytes, bytes.length + 1);
        assertThat(PassageRecord.of(new BytesRef(trailing))).as("bytes after a value without sentences").isNull();
        Random random = new Random(8);
        for (int i = 0; i < 2_000; i++) {
            byte[] noise = new byte[random.nextInt(40)];
            random.nextBytes(noise);
            PassageRecord.of(new BytesRef(noise)); // null or some value, never an exception
        }
    }
}
