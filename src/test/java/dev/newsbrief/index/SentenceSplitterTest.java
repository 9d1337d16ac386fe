package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    @Test
    void doesNotBreakAfterInitialismsInsideASentence() {
        assertThat(SentenceSplitter.sentences("Israel's exports to the U.S. Rose to 2.3 billion dlrs. Imports fell."))
                .containsExactly("Israel's exports to the U.S. Rose to 2.3 billion dlrs.", "Imports fell.");
        assertThat(SentenceSplitter.sentences("Only 43 pct of U.K. Firms expect a rise. Nine pct expect a fall."))
                .containsExactly("Only 43 pct of U.K. Firms expect a rise.", "Nine pct expect a fall.");
        assertThat(SentenceSplitter.sentences("Shares of J.P. Morgan rose. The bank said so."))
                .containsExactly("Shares of J.P. Morgan rose.", "The bank said so.");
    }

    @Test
    void neverBreaksInsideAWordAfterAnInitialism() {
        assertThat(SentenceSplitter.sentences("The U.S.'s trade deficit widened in January. Imports rose."))
                .containsExactly("The U.S.'s trade deficit widened in January.", "Imports rose.");
        assertThat(SentenceSplitter.sentences("It is the U.K.'s largest bank. Its shares fell."))
                .containsExactly("It is the U.K.'s largest bank.", "Its shares fell.");
        // nor inside a word joined by a hyphen or a slash: "U.S.-made", "Norf./Phil."
        assertThat(SentenceSplitter.sentences("It buys U.S.-made jets. Deliveries start in May."))
                .containsExactly("It buys U.S.-made jets.", "Deliveries start in May.");
        assertThat(SentenceSplitter.sentences("Shipments from Norf./Phil. ports rose. Exports fell."))
                .containsExactly("Shipments from Norf./Phil. ports rose.", "Exports fell.");
        // a quotation that ends a sentence still ends it
        assertThat(SentenceSplitter.sentences("He said: \"We will win.\" Then he left."))
                .containsExactly("He said: \"We will win.\"", "Then he left.");
    }

    @Test
    void breaksAfterAnInitialismThatEndsTheSentence() {
        assertThat(SentenceSplitter.sentences("Exports went to the U.S. The rest went to Europe."))
                .containsExactly("Exports went to the U.S.", "The rest went to Europe.");
        assertThat(SentenceSplitter.sentences("It sold its stake in Exxon Corp. But it kept the bonds."))
                .containsExactly("It sold its stake in Exxon Corp.", "But it kept the bonds.");
    }

    @Test
    void titlesNeverEndASentence() {
        assertThat(SentenceSplitter.sentences("Mr. Smith met Dr. Jones and Sen. Dole. They agreed."))
                .containsExactly("Mr. Smith met Dr. Jones and Sen. Dole.", "They agreed.");
    }

    @Test
    void monthsEndASentenceOnlyWhenNoDateFollows() {
        assertThat(SentenceSplitter.sentences("The deal closes Jan. 15 at the latest. Talks began in Sept. 1986."))
                .containsExactly("The deal closes Jan. 15 at the latest.", "Talks began in Sept. 1986.");
        assertThat(SentenceSplitter.sentences("Sales rose in Jan. The rise was small."))
                .containsExactly("Sales rose in Jan.", "The rise was small.");
        assertThat(SentenceSplitter.sentences("He ranked No. 2 in the poll. That was enough."))
                .containsExactly("He ranked No. 2 in the poll.", "That was enough.");
    }

    @Test
    void ordinarySentencesQuotesAndNumbersSplitAsBefore() {
        assertThat(SentenceSplitter.sentences("Prices rose 1.5 pct. \"We are pleased,\" he said. Is it over? Yes!"))
                .containsExactly("Prices rose 1.5 pct.", "\"We are pleased,\" he said.", "Is it over?", "Yes!");
        assertThat(SentenceSplitter.sentences("   ")).isEmpty();
        assertThat(SentenceSplitter.sentences("no final stop")).containsExactly("no final stop");
    }

    @Test
    void spansPointIntoTheText() {
        String text = "  First one.  Second at the U.S. Treasury.  ";
        List<SentenceSplitter.Span> spans = SentenceSplitter.spans(text);
        assertThat(spans).hasSize(2);
        assertThat(text.substring(spans.get(0).start(), spans.get(0).end())).isEqualTo("First one.");
        assertThat(text.substring(spans.get(1).start(), spans.get(1).end())).isEqualTo("Second at the U.S. Treasury.");
    }

    @Test
    void germanOrdinalDatesAndAbbreviationsDoNotEndASentence() {
        assertThat(SentenceSplitter.sentences("Die Mieten steigen ab 1. April um 5 Prozent. Der Umsatz lag bei "
                + "64,2 Mrd. Euro im Jahr 2021."))
                .containsExactly("Die Mieten steigen ab 1. April um 5 Prozent.", "Der Umsatz lag bei 64,2 Mrd. Euro im Jahr 2021.");
        assertThat(SentenceSplitter.sentences("Das gilt z. B. für Kinder. Am 30. Oktober war es so. Er kam am "
                + "3. März nach Wien, d. h. früher."))
                .containsExactly("Das gilt z. B. für Kinder.", "Am 30. Oktober war es so.", "Er kam am 3. März nach Wien, d. h. früher.");
        assertThat(SentenceSplitter.sentences("Die WM findet vom 14. bis 30. Juli 2023 statt. Der 2. Platz ging an "
                + "Geiger, bzw. an Lindvik. Sie kostet 3 Mio. Franken."))
                .containsExactly("Die WM findet vom 14. bis 30. Juli 2023 statt.", "Der 2. Platz ging an Geiger, bzw. an Lindvik.",
                        "Sie kostet 3 Mio. Franken.");
        assertThat(SentenceSplitter.sentences("Am Sonntag, 12. November 2023, kam es zum Unfall. Er schrieb es "
                + "am 3. August 2022, spät."))
                .containsExactly("Am Sonntag, 12. November 2023, kam es zum Unfall.", "Er schrieb es am 3. August 2022, spät.");
        // a weekday, a comma and a day whose month German shares with English, no year
        assertThat(SentenceSplitter.sentences("Der Lockdown gilt ab Montag, 22. November. Das hat der Bischof am "
                + "Freitag, 19. November, in einem Brief mitgeteilt. Es gelten strenge Regeln."))
                .containsExactly("Der Lockdown gilt ab Montag, 22. November.",
                        "Das hat der Bischof am Freitag, 19. November, in einem Brief mitgeteilt.", "Es gelten strenge Regeln.");
    }

    @Test
    void aNumberThatEndsASentenceStillEndsIt() {
        assertThat(SentenceSplitter.sentences("Am Ende wurde sie 2. Die Siegerin kam aus Wien."))
                .containsExactly("Am Ende wurde sie 2.", "Die Siegerin kam aus Wien.");
        assertThat(SentenceSplitter.sentences("Sales rose to 12. April sales were lower. Exports were 5. Imports fell."))
                .containsExactly("Sales rose to 12.", "April sales were lower.", "Exports were 5.", "Imports fell.");
        assertThat(SentenceSplitter.sentences("The rally ended at the 3. Die makers said so."))
                .hasSize(2);
    }

    @Test
    void spanishPortugueseAndFrenchTitlesAndAbbreviations() {
        assertThat(SentenceSplitter.sentences("La Sra. Díaz habló con el Dr. Pérez en EE. UU. y volvió. Luego calló."))
                .containsExactly("La Sra. Díaz habló con el Dr. Pérez en EE. UU. y volvió.", "Luego calló.");
        assertThat(SentenceSplitter.sentences("A Sra. Silva chegou. O presidente falou."))
                .containsExactly("A Sra. Silva chegou.", "O presidente falou.");
        assertThat(SentenceSplitter.sentences("Il y a des pays, p. ex. la France. Mme Dupont a parlé."))
                .containsExactly("Il y a des pays, p. ex. la France.", "Mme Dupont a parlé.");
    }
}
