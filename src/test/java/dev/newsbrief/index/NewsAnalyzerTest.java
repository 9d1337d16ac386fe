package dev.newsbrief.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class NewsAnalyzerTest {

    static List<String> terms(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (NewsAnalyzer analyzer = new NewsAnalyzer(); TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }

    @Test
    void removesPossessivesAndStopWordsLowercasesAndStems() throws IOException {
        assertThat(terms("Russia's backing for the Ukraine War")).containsExactly("russia", "back", "ukrain", "war");
    }

    @Test
    void foldsAccentsSoSpellingsMeet() throws IOException {
        assertThat(terms("Zürich café")).containsExactly(terms("Zurich cafe").toArray(String[]::new));
    }

    @Test
    void typographicApostropheIsAPossessiveToo() throws IOException {
        assertThat(terms("Korea’s")).containsExactly("korea");
    }
}
