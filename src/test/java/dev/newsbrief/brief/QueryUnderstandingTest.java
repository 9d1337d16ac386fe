package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class QueryUnderstandingTest {
    // Thursday 2025-03-20 15:30 in Seoul
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Clock CLOCK = Clock.fixed(
            ZonedDateTime.of(2025, 3, 20, 15, 30, 0, 0, SEOUL).toInstant(), SEOUL);
    private final QueryUnderstanding qu = new QueryUnderstanding(CLOCK);

    private static Instant seoul(int day) {
        return ZonedDateTime.of(2025, 3, day, 0, 0, 0, 0, SEOUL).toInstant();
    }

    @Test
    void questionWordsAreDroppedContentWordsKept() {
        UserQuery q = qu.understand("What did Kim Jong Un tell Shoigu?");
        assertThat(q.terms()).containsExactly("Kim", "Jong", "Un", "tell", "Shoigu");
        assertThat(q.phrases()).isEmpty();
        assertThat(q.recency().isNone()).isTrue();
    }

    @Test
    void topicWithPhraseWordAndExclusion() {
        UserQuery q = qu.understand("\"North Korea\" Russia -sports -\"world cup\"");
        assertThat(q.phrases()).containsExactly("North Korea");
        assertThat(q.terms()).containsExactly("Russia");
        assertThat(q.exclusions()).containsExactly("sports", "world cup");
        assertThat(q.canonical()).isEqualTo("\"North Korea\" Russia -sports -\"world cup\"");
    }

    @Test
    void curlyQuotesAndUnclosedQuoteAreStillPhrases() {
        assertThat(qu.understand("\u201CBank of England\u201D rates").phrases()).containsExactly("Bank of England");
        assertThat(qu.understand("rates \"bank of eng").phrases()).containsExactly("bank of eng");
    }

    @Test
    void hyphenInsideAWordIsNotAnExclusion() {
        UserQuery q = qu.understand("Russia-Ukraine ceasefire - talks");
        assertThat(q.terms()).containsExactly("Russia-Ukraine", "ceasefire", "talks");
        assertThat(q.exclusions()).isEmpty();
    }

    @Test
    void todayYesterdayThisWeekSinceMonday() {
        UserQuery today = qu.understand("oil prices today");
        assertThat(today.terms()).containsExactly("oil", "prices");
        assertThat(today.recency().since()).isEqualTo(seoul(20));
        assertThat(today.recency().until()).isNull();

        UserQuery yesterday = qu.understand("what happened yesterday in Pyongyang");
        assertThat(yesterday.terms()).containsExactly("in", "Pyongyang");
        assertThat(yesterday.recency().since()).isEqualTo(seoul(19));
        assertThat(yesterday.recency().until()).isEqualTo(seoul(20));

        assertThat(qu.understand("opec this week").recency().since()).isEqualTo(seoul(17));
        assertThat(qu.understand("opec since Monday").recency().since()).isEqualTo(seoul(17));
        assertThat(qu.understand("opec since thursday").recency().since()).isEqualTo(seoul(20));
    }

    @Test
    void latestIsAPreferenceNotAWindow() {
        UserQuery q = qu.understand("latest on North Korea");
        assertThat(q.terms()).containsExactly("North", "Korea");
        assertThat(q.recency().preferNewest()).isTrue();
        assertThat(q.recency().hasWindow()).isFalse();
    }

    @Test
    void luceneSyntaxIsJustPunctuation() {
        UserQuery q = qu.understand("AND OR NOT ( ) \" * ? ~ ^ : \\ / [ ] { }");
        assertThat(q.terms()).containsExactly("AND", "OR", "NOT");
        UserQuery q2 = qu.understand("title:oil^5 AND gas~2 [a TO z]");
        assertThat(q2.terms()).contains("title:oil^5", "gas~2");
    }

    @Test
    void hostileTextIsSanitised() {
        assertThat(qu.understand(null).hasNoPositiveWords()).isTrue();
        assertThat(qu.understand("").hasNoPositiveWords()).isTrue();
        assertThat(qu.understand("\u0000\u0007\u202E\u200F").hasNoPositiveWords()).isTrue();
        assertThat(qu.understand("<script>alert(1)</script> oil").terms()).containsExactly("alert(1", "oil");
        assertThat(qu.understand("\uD83D\uDE00\uD83D\uDD25").hasNoPositiveWords()).isTrue();
        String huge = "oil ".repeat(2500);
        UserQuery q = qu.understand(huge);
        assertThat(q.raw().length()).isLessThanOrEqualTo(QueryUnderstanding.MAX_INPUT_CHARS);
        assertThat(q.terms()).hasSizeLessThanOrEqualTo(32);
        assertThat(qu.understand("\u0627\u0644\u0646\u0641\u0637 \u05E9\u05DC\u05D5\u05DD").terms()).hasSize(2);
    }
}
