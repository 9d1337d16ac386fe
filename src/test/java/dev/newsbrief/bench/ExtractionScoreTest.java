package dev.newsbrief.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractionScoreTest {
    @Test
    void whitespaceRunsOfAnyKindMatchOneSpaceAndCaseCounts() {
        ExtractionScore.Counts c = ExtractionScore.score("The  harbour\nreopened\u00A0on Monday.\n\nMenu",
                List.of("harbour reopened on", "the harbour", "Monday. Menu"), List.of("Menu", "Footer"));
        assertThat(c).isEqualTo(new ExtractionScore.Counts(2, 1, 1));
    }

    @Test
    void aFailedPageMissesEverySnippetItShouldHave() {
        assertThat(ExtractionScore.score(null, List.of("a", "b"), List.of("c")))
                .isEqualTo(new ExtractionScore.Counts(0, 2, 0));
    }

    @Test
    void precisionRecallAndF1AreSummedOverPages() {
        ExtractionScore.Counts sum = new ExtractionScore.Counts(3, 1, 0).plus(new ExtractionScore.Counts(1, 1, 2));
        assertThat(sum).isEqualTo(new ExtractionScore.Counts(4, 2, 2));
        assertThat(sum.precision()).isEqualTo(4.0 / 6);
        assertThat(sum.recall()).isEqualTo(4.0 / 6);
        assertThat(sum.f1()).isEqualTo(4.0 / 6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(ExtractionScore.Counts.ZERO.f1()).isZero();
    }
}
