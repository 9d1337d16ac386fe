package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.store.Article;
import dev.newsbrief.telegram.TelegramBriefingFormatter;
import dev.newsbrief.telegram.TelegramHtmlChecker;
import dev.newsbrief.terminal.JsonBriefingFormatter;
import dev.newsbrief.terminal.PlainTextBriefingFormatter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BriefingServiceTest {
    private static PassageIndex index;
    private static BriefingService service;
    private static final TelegramBriefingFormatter HTML = new TelegramBriefingFormatter(ZoneOffset.UTC);

    @BeforeAll
    static void setUp() {
        List<Article> articles = new ArrayList<>(TestCorpus.articles());
        articles.add(TestCorpus.seed());
        index = TestCorpus.index(articles);
        service = new BriefingService(index, new NewsAnalyzer(), Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC),
                BriefOptions.defaults());
    }

    @AfterAll
    static void tearDown() {
        index.close();
    }

    private static List<String> cited(Briefing b) {
        return b.citations().stream().map(Citation::articleId).toList();
    }

    private static String allText(Briefing b) {
        StringBuilder sb = new StringBuilder(b.lead() == null ? "" : b.lead().text());
        b.items().forEach(i -> sb.append('\n').append(i.text().text()));
        return sb.toString();
    }

    @Test
    void seedQuestionCitesTheSeedWithTheQuoteAndNoChrome() {
        Briefing b = service.ask("What did Kim Jong Un tell Shoigu?");
        assertThat(b.kind()).isEqualTo(Briefing.Kind.ANSWER);
        assertThat(cited(b)).contains("seed");
        assertThat(allText(b)).contains("invariably support Russia");
        assertThat(allText(b)).doesNotContain("Gallery", "WhatsApp", "\u00D7");
        assertThat(b.lead()).isNotNull();
        assertThat(b.lead().marks()).isNotEmpty();
        // the question asks what was said: the quote answers it, though it names only "Kim"
        assertThat(b.lead().text()).contains("invariably support Russia");
    }

    @Test
    void aQuestionThatAsksNothingSaidLeadsWithTheBestMatchNotAQuote() {
        Briefing b = service.ask("Kim Jong Un Shoigu Pyongyang meeting");
        assertThat(b.lead()).isNotNull();
        assertThat(b.lead().text()).doesNotContain("invariably");
    }

    @Test
    void briefingsQuoteSeveralDistinctSourcesInShortSentencesWithinTheBudget() {
        try (PassageIndex longSentences = TestCorpus.index(TestCorpus.articles("/brief/long-sentences.jsonl"))) {
            BriefingService s = new BriefingService(longSentences, new NewsAnalyzer(),
                    Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC), BriefOptions.defaults());
            for (String q : new String[] {"coffee prices", "what happened to coffee prices?"}) {
                Briefing b = s.ask(q);
                assertThat(b.kind()).as(q).isEqualTo(Briefing.Kind.ANSWER);
                assertThat(b.items()).as(q).hasSize(3);
                assertThat(cited(b)).as(q).doesNotHaveDuplicates();
                // besides the lead's own article, every item quotes its article
                assertThat(b.items().stream().filter(i -> !i.text().isEmpty()).count()).as(q).isGreaterThanOrEqualTo(2);
                int length = b.lead().text().length();
                for (BriefItem i : b.items()) {
                    Citation c = i.citation();
                    length += i.text().text().length() + c.title().length() + c.source().length() + 16;
                    assertThat(SentenceTerms.sentences(i.text().text())).as(q).hasSizeLessThanOrEqualTo(2);
                    assertThat(i.text().text().isEmpty() || !i.text().marks().isEmpty()).as(q).isTrue();
                }
                assertThat(length).as(q).isLessThanOrEqualTo(BriefOptions.defaults().maxChars());
                Set<String> sentences = new HashSet<>();
                for (String sentence : SentenceTerms.sentences(allText(b))) {
                    assertThat(sentences.add(sentence)).as("repeated: " + sentence).isTrue();
                }
            }
        }
    }

    @Test
    void jsonKeepsTheTextAsTypedAndTheTopicKeepsOnlyMeaningfulWords() throws Exception {
        Briefing b = service.ask("What happened to oil prices?");
        assertThat(b.subscribeTopic()).isEqualTo("oil prices");
        JsonNode json = new ObjectMapper().readTree(new JsonBriefingFormatter().format(b));
        assertThat(json.get("query").asText()).isEqualTo("What happened to oil prices?");
        assertThat(json.get("interpreted_query").asText()).isEqualTo("oil prices");
        assertThat(json.get("subscribe_topic").asText()).isEqualTo("oil prices");

        assertThat(service.ask("What did Kim Jong Un tell Shoigu?").subscribeTopic()).isEqualTo("Kim Jong Un Shoigu");
        // a quoted phrase is kept as typed, stopwords and all
        assertThat(service.ask("did Kim \"tell the world\" -football").query())
                .isEqualTo("\"tell the world\" Kim -football");
        // when only asking words are left, they are the topic rather than nothing
        assertThat(service.ask("tell").query()).isEqualTo("tell");
    }

    @Test
    void keywordQuestionLowercaseAndTypoFormsFindTheSameArticle() {
        String[] forms = {"OPEC oil output cut", "Did OPEC agree to cut oil output?", "opec cut oil output",
            "opec cut oil outptu", "what did opek decide about oil output"};
        for (String form : forms) {
            Briefing b = service.ask(form);
            assertThat(cited(b)).as(form).isNotEmpty();
            assertThat(cited(b).get(0)).as(form).isIn("opec-output", "opec-output-copy");
        }
        Briefing typo = service.ask("Kim Jong Un in Pyongyan");
        assertThat(cited(typo)).contains("kim-shoigu");
        assertThat(typo.correctedQuery()).contains("Pyongyang");
    }

    @Test
    void duplicateArticlesAreCollapsedAndSentencesNeverRepeat() {
        Briefing b = service.ask("OPEC cut oil output");
        assertThat(cited(b)).doesNotContainSequence("opec-output", "opec-output-copy");
        assertThat(cited(b).stream().filter(id -> id.startsWith("opec-output")).count()).isEqualTo(1);
        Set<String> sentences = new HashSet<>();
        for (String s : SentenceTerms.sentences(allText(b))) {
            assertThat(sentences.add(s)).as("repeated: " + s).isTrue();
        }
        assertThat(TelegramBriefingFormatter.marked(b.lead())).contains("<b>");
    }

    @Test
    void briefingStaysWithinTheLengthBudget() {
        for (String q : new String[] {"North Korea Russia", "oil prices", "interest rates", "Kim"}) {
            Briefing b = service.ask(q);
            int length = b.lead() == null ? 0 : b.lead().text().length();
            for (BriefItem i : b.items()) {
                length += i.text().text().length() + i.citation().title().length();
            }
            assertThat(length).as(q).isLessThanOrEqualTo(BriefOptions.defaults().maxChars());
            assertThat(b.items()).hasSizeLessThanOrEqualTo(3);
        }
    }

    @Test
    void moreReturnsFurtherItemsWithoutRepeats() {
        Briefing first = service.ask("North Korea");
        assertThat(first.cursor()).isNotNull();
        Set<String> seen = new HashSet<>(cited(first));
        Briefing page = first;
        int pages = 0;
        while (page.cursor() != null && pages++ < 10) {
            page = service.more(page.cursor());
            assertThat(page.kind()).isIn(Briefing.Kind.MORE, Briefing.Kind.EXHAUSTED);
            for (String id : cited(page)) {
                assertThat(seen.add(id)).as("repeated " + id).isTrue();
            }
        }
        assertThat(seen).contains("kim-shoigu", "nk-missiles", "nk-troops");
        assertThat(service.more("not a cursor").kind()).isEqualTo(Briefing.Kind.EXHAUSTED);
    }

    @Test
    void noResultSaysSoWithSpellingSuggestionsAndASubscribeOffer() {
        Briefing b = service.ask("Pyongyangg xylophone");
        // the misspelling is corrected, so something about Pyongyang is found
        assertThat(b.kind()).isEqualTo(Briefing.Kind.ANSWER);
        Briefing none = service.ask("quantum xylophone orchestra");
        assertThat(none.kind()).isEqualTo(Briefing.Kind.NO_RESULTS);
        assertThat(none.subscribeTopic()).isEqualTo("quantum xylophone orchestra");
        assertThat(HTML.format(none)).contains("nothing");
        Briefing today = service.ask("cocoa today");
        assertThat(today.kind()).isEqualTo(Briefing.Kind.NO_RESULTS);
        assertThat(today.timeLabel()).isEqualTo("today");
    }

    @Test
    void suggestionsComeFromTheIndexVocabularyAsWritten() {
        Briefing b = service.ask("\"Pyongyan summit\"");
        assertThat(b.kind()).isEqualTo(Briefing.Kind.NO_RESULTS);
        Briefing typoOnly = service.ask("-Pyongyang \"Shoigu Pyongyan\"");
        assertThat(typoOnly.kind()).isEqualTo(Briefing.Kind.NO_RESULTS);
        assertThat(typoOnly.suggestions()).contains("Pyongyang");
        assertThat(HTML.format(typoOnly)).contains("Did you mean <b>Pyongyang</b>?");
    }

    @Test
    void exclusionsAndPhrasesShapeTheAnswer() {
        Briefing b = service.ask("\"North Korea\" Russia -football");
        assertThat(cited(b)).doesNotContain("nk-football").isNotEmpty();
    }

    @Test
    void latestListsNewestFirst() {
        Briefing all = service.latest(null, 3);
        assertThat(all.kind()).isEqualTo(Briefing.Kind.LATEST);
        assertThat(cited(all)).containsExactly("kim-shoigu", "seed", "nk-missiles");
        Briefing onTopic = service.latest("rates", 5);
        assertThat(cited(onTopic)).containsExactly("boe-rates", "ecb-rates");
    }

    @Test
    void hostileInputGetsASensibleReplyNeverAnException() {
        String[] inputs = {"", "   ", "x".repeat(10_000), "word ".repeat(2_000), "the of and to a", "\uD83D\uDE00\uD83D\uDD25\uD83C\uDDF0\uD83C\uDDF7",
            "AND OR NOT ( ) \" * ? ~ ^ : \\ / [ ] { }", "\u0643\u064A\u0645 \u062C\u0648\u0646\u063A \u0623\u0648\u0646 \u05E9\u05DC\u05D5\u05DD",
            "oil\u0000\u0001\u0007\u001B[31m prices\u202E", "<b>oil</b> <script>alert('x')</script> <a href=x>", "said",
            "\"", "-", "--", "\"\"", "-\"\"", "a\"b\"c", "\uDC00\uD800", "oil~2^3:*", "the", "said the"};
        for (String input : inputs) {
            assertThatCode(() -> {
                Briefing b = service.ask(input);
                String html = HTML.format(b);
                TelegramHtmlChecker.assertValid(html);
                new PlainTextBriefingFormatter(ZoneOffset.UTC).format(b);
                new JsonBriefingFormatter().format(b);
                if (b.cursor() != null) {
                    service.more(b.cursor());
                }
            }).as(input.length() > 60 ? input.substring(0, 60) : input).doesNotThrowAnyException();
        }
        assertThat(service.ask("").kind()).isEqualTo(Briefing.Kind.EMPTY_QUERY);
        assertThat(service.ask("the of and").kind()).isEqualTo(Briefing.Kind.EMPTY_QUERY);
        assertThat(service.ask("said").kind()).isEqualTo(Briefing.Kind.ANSWER);
    }

    @Test
    void rankArticlesIsTheAskRanking() {
        List<String> ranked = service.rankArticles("OPEC cut oil output", 5);
        assertThat(ranked.get(0)).isIn("opec-output", "opec-output-copy");
        assertThat(cited(service.ask("OPEC cut oil output")).get(0)).isIn(ranked.subList(0, 2));
    }

    @Test
    void recordsTheLatencyOfEveryQuestionAndMore() {
        io.micrometer.core.instrument.simple.SimpleMeterRegistry metrics =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        BriefingService timed = new BriefingService(index, new NewsAnalyzer(),
                Clock.fixed(TestCorpus.NOW, ZoneOffset.UTC), BriefOptions.defaults(), metrics);
        timed.ask("What did Kim Jong Un tell Shoigu?");
        timed.ask("");
        timed.more("not-a-cursor");
        assertThat(metrics.timer("newsbrief.query.latency").count()).isEqualTo(2);
        assertThat(metrics.timer("newsbrief.query.latency").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS))
                .isPositive();
    }
}
