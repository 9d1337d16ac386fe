package dev.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.PassageFields;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.Reindexer;
import dev.newsbrief.store.Article;
import dev.newsbrief.store.ArticleStore;
import dev.newsbrief.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each article's language detected at ingest, stored, indexed in its fields; old rows filled in on reindex. */
class LanguageIngestTest {
    private static final String GERMAN = "Mit dem für unterschiedliche Plattformen verfügbaren Code-Editor lassen sich "
            + "nun auch hybride Apps auf Basis von Apache Cordova entwickeln. Die Erweiterung bringt Debugging und "
            + "Befehle für die Kommandozeile mit.";
    private static final String PORTUGUESE = "Líder na pesquisa Ibope de intenção de voto para o primeiro turno, o "
            + "candidato não tem o mesmo desempenho nas simulações de segundo turno feitas pela empresa no mesmo "
            + "levantamento divulgado nesta segunda-feira.";

    @TempDir
    Path tmp;
    private Database db;
    private PassageIndex index;
    private ArticleStore store;
    private Ingester ingester;

    @BeforeEach
    void open() {
        db = Database.open(tmp.resolve("newsbrief.db"));
        index = PassageIndex.openWritable(ByteBuffersDirectory::new, PassageIndex.Options.DEFAULTS);
        store = new ArticleStore(db);
        ingester = new Ingester(store, index, Ingester.Options.DEFAULTS,
                Clock.fixed(Instant.parse("2025-03-22T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        index.close();
        db.close();
    }

    private long hits(String field, String term) {
        return index.withSearcher(s -> (long) s.count(new TermQuery(new Term(field, term))));
    }

    @Test
    void theDetectedLanguageIsStoredAndChoosesTheFields() {
        ingester.ingest(new ParsedArticle("de-1", "Microsoft veröffentlicht Cordova-Erweiterungen", GERMAN, null,
                "heise", null, null), "test");
        ingester.ingest(new ParsedArticle("pt-1", "Ibope: Bolsonaro perde no segundo turno", PORTUGUESE, null, "uol",
                null, null), "test");
        assertThat(store.find("de-1").orElseThrow().language()).isEqualTo("de");
        assertThat(store.find("pt-1").orElseThrow().language()).isEqualTo("pt");
        assertThat(hits("text.de", "erweiterung")).isEqualTo(1);
        assertThat(hits("title.de", "erweiterung")).isEqualTo(1);
        assertThat(hits(PassageFields.TEXT, "erweiterung")).isZero();
        assertThat(hits("text.pt", "pesquis")).isEqualTo(1);
        List<String> languages = index.search(s -> PassageIndex.languages(s.getIndexReader()));
        assertThat(languages).containsExactly("de", "pt");
    }

    @Test
    void aDeclaredLanguageIsAHintTheTextCanOverrule() {
        ingester.ingest(new ParsedArticle("p-1", "Kurz", "Haddad 28%, Bolsonaro 22%", null, null, null,
                Map.of(ParsedArticle.DECLARED_LANGUAGE, "pt-BR")), "test");
        ingester.ingest(new ParsedArticle("p-2", "Cordova", GERMAN, null, null, null,
                Map.of(ParsedArticle.DECLARED_LANGUAGE, "en")), "test");
        assertThat(store.find("p-1").orElseThrow().language()).isEqualTo("pt");
        assertThat(store.find("p-2").orElseThrow().language()).isEqualTo("de");
    }

    @Test
    void aPagesHtmlLangIsReadAsItsDeclaredLanguage() throws Exception {
        Path page = Files.writeString(tmp.resolve("page.html"), "<html lang=\"pt-BR\"><head><title>Ibope</title></head>"
                + "<body><article><h1>Ibope: Bolsonaro perde no segundo turno</h1><p>" + PORTUGUESE
                + "</p></article></body></html>");
        ingester.ingest(List.of(page), IngestProgress.NONE);
        Article a = store.latest(1).get(0);
        assertThat(a.tags()).containsEntry(ParsedArticle.DECLARED_LANGUAGE, "pt-BR");
        assertThat(a.language()).isEqualTo("pt");
    }

    @Test
    void articlesStoredBeforeLanguagesAreDetectedOnReindex() throws Exception {
        Instant t = Instant.parse("2025-03-22T10:00:00Z");
        db.inTransaction(c -> {
            store.upsert(c, new Article("old-1", null, "Cordova", null, null, t, t, GERMAN, "h1", null, Map.of()));
            return null;
        });
        assertThat(store.find("old-1").orElseThrow().language()).isNull();
        new Reindexer(store, index).rebuild();
        assertThat(store.find("old-1").orElseThrow().language()).isEqualTo("de");
        assertThat(hits("text.de", "erweiterung")).isEqualTo(1);
    }
}
