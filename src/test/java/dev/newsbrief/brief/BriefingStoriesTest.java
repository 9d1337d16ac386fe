package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.index.NewsAnalyzer;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.lang.LanguageDetector;
import dev.newsbrief.lang.LanguageOptions;
import dev.newsbrief.telegram.TelegramBriefingFormatter;
import dev.newsbrief.telegram.TelegramHtmlChecker;
import dev.newsbrief.terminal.JsonBriefingFormatter;
import dev.newsbrief.terminal.PlainTextBriefingFormatter;
import dev.newsbrief.store.Article;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Briefings over stories: one item per story, naming the other outlets with links. */
class BriefingStoriesTest {
    private static final Instant T = Instant.parse("2025-03-20T09:00:00Z");
    private static final String BODY = "OPEC ministers agreed on Thursday to cut crude oil output by 1.2 million "
            + "barrels a day from April, the group said after a meeting in Vienna.\n\nSaudi Arabia will carry the "
            + "largest share of the cut, while Iraq pledged a smaller reduction.";
    private static PassageIndex index;
    private static BriefingService service;
    /** story 1: the cut, reported by four outlets; story 2: another oil story. */
    private static final Map<String, Long> STORY = Map.of("wire", 1L, "paper", 1L, "radio", 1L, "blog", 1L,
            "glut", 2L);

    @BeforeAll
    static void setUp() {
        List<Article> articles = List.of(
                article("wire", "OPEC agrees to cut oil output", "Wire", T, BODY),
                article("paper", "Cartel to pump less oil from April", "Daily Paper", T.plusSeconds(3600),
                        BODY.replace("agreed on Thursday", "decided on Thursday")),
                article("radio", "OPEC cuts output", "Radio News", T.plusSeconds(7200),
                        BODY.replace("the group said", "delegates said")),
                article("blog", "Oil producers cut output", "Oil Blog", T.plusSeconds(9000),
                        BODY.replace("largest share", "biggest share")),
                article("glut", "Oil glut deepens as U.S. stocks rise", "Wire", T.plusSeconds(600),
                        "U.S. crude oil stocks rose for a third week, adding to a glut that OPEC's output cut "
                                + "has yet to clear, traders said on Friday."));
        index = TestCorpus.index(articles);
        service = new BriefingService(index, new NewsAnalyzer(), Clock.fixed(T.plusSeconds(86400), ZoneOffset.UTC),
                BriefOptions.defaults(), new CompositeMeterRegistry(), LanguageDetector::shared,
                LanguageOptions.DEFAULTS, BriefingStoriesTest::stories);
    }

    @AfterAll
    static void tearDown() {
        index.close();
    }

    private static Article article(String id, String title, String source, Instant published, String body) {
        return TestCorpus.article(id, "https://" + id + ".example/story?a=1&b=2", title, source, published, body);
    }

    /** What the story store would say: multi-article stories of the asked articles, all their reports. */
    private static Coverage.Stories stories(Collection<String> ids) {
        Map<String, Long> storyOf = new HashMap<>();
        Map<Long, List<Coverage.Report>> reports = new LinkedHashMap<>();
        for (String id : ids) {
            if (STORY.containsKey(id) && STORY.get(id) == 1L) {
                storyOf.put(id, 1L);
            }
        }
        if (!storyOf.isEmpty()) {
            reports.put(1L, List.of(
                    new Coverage.Report("wire", "", "Wire", "https://wire.example/story?a=1&b=2", T),
                    new Coverage.Report("paper", "", "Daily Paper", "https://paper.example/story", T.plusSeconds(3600)),
                    new Coverage.Report("radio", "", "Radio News", "https://radio.example/story", T.plusSeconds(7200)),
                    new Coverage.Report("blog", "", "Oil Blog", null, T.plusSeconds(9000))));
        }
        return new Coverage.Stories(storyOf, reports);
    }

    private static List<String> cited(Briefing b) {
        return b.items().stream().map(i -> i.citation().articleId()).toList();
    }

    @Test
    void itemsAreDistinctStoriesAndNameTheOtherOutletsEarliestFirst() {
        Briefing b = service.ask("OPEC cut oil output");
        List<String> cited = cited(b);
        assertThat(cited.stream().filter(id -> STORY.get(id) == 1L)).as("one item for the story").hasSize(1);
        assertThat(cited).contains("glut");
        BriefItem item = b.items().stream().filter(i -> STORY.get(i.citation().articleId()) == 1L).findFirst()
                .orElseThrow();
        List<String> others = new ArrayList<>(List.of("Wire", "Daily Paper", "Radio News", "Oil Blog"));
        others.remove(item.citation().source());
        assertThat(item.alsoReported().sources()).extracting(AlsoReported.Source::name).containsExactlyElementsOf(others);
        assertThat(item.alsoReported().more()).isEqualTo(1);
        BriefItem glut = b.items().stream().filter(i -> i.citation().articleId().equals("glut")).findFirst().orElseThrow();
        assertThat(glut.alsoReported().isEmpty()).isTrue();
    }

    @Test
    void everyRenderingSaysWhoElseReportedItWithLinks() throws Exception {
        Briefing b = service.ask("OPEC cut oil output");
        String html = new TelegramBriefingFormatter(ZoneOffset.UTC).format(b);
        TelegramHtmlChecker.assertValid(html);
        assertThat(html).containsPattern("Also reported by <a href=\"https://[a-z]+\\.example/story[^\"]*\">[A-Za-z ]+</a>, "
                + "<a href=\"[^\"]+\">[A-Za-z ]+</a> \\(\\+1\\)");
        String text = new PlainTextBriefingFormatter(ZoneOffset.UTC).format(b);
        assertThat(text).containsPattern("Also reported by [A-Za-z ]+, [A-Za-z ]+ \\(\\+1\\)");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(new JsonBriefingFormatter().format(b));
        var story = java.util.stream.StreamSupport.stream(json.get("items").spliterator(), false)
                .filter(i -> STORY.get(i.get("article_id").asText()) == 1L).findFirst().orElseThrow();
        assertThat(story.get("also_reported_by")).hasSize(3);
        assertThat(story.get("also_reported_by").get(0).has("url")).isTrue();
    }

    @Test
    void morePagesNeverRepeatAStoryAlreadyShown() {
        Briefing first = service.ask("oil");
        List<String> shownStories = new ArrayList<>();
        Briefing page = first;
        while (true) {
            for (String id : cited(page)) {
                assertThat(shownStories).doesNotContain("story-" + STORY.get(id));
                shownStories.add("story-" + STORY.get(id));
            }
            if (!page.hasMore()) {
                break;
            }
            page = service.more(page.cursor());
        }
        assertThat(shownStories).containsExactlyInAnyOrder("story-1", "story-2");
    }

    @Test
    void latestListsEachStoryOnce() {
        Briefing latest = service.latest("oil", 10);
        assertThat(cited(latest).stream().map(STORY::get)).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void withoutStoriesEveryArticleIsItsOwnItem() {
        BriefingService plain = new BriefingService(index, new NewsAnalyzer(),
                Clock.fixed(T.plusSeconds(86400), ZoneOffset.UTC), BriefOptions.defaults());
        assertThat(plain.latest("oil", 10).items()).hasSize(5).allSatisfy(i -> assertThat(i.alsoReported().isEmpty()).isTrue());
    }
}
