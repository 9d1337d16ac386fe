package dev.newsbrief.brief;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;

/** The news analysis chain, built for tests until the index package's analyzer is merged. */
final class TestAnalyzers {
    private TestAnalyzers() {
    }

    static Analyzer news() {
        try {
            return CustomAnalyzer.builder().withTokenizer("standard").addTokenFilter("englishPossessive")
                    .addTokenFilter("lowercase").addTokenFilter("asciiFolding").addTokenFilter("stop")
                    .addTokenFilter("porterStem").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
