package dev.newsbrief.index;

import dev.newsbrief.lang.Languages;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.et.EstonianAnalyzer;
import org.apache.lucene.analysis.eu.BasqueAnalyzer;
import org.apache.lucene.analysis.fa.PersianAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.gl.GalicianAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hu.HungarianAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.lt.LithuanianAnalyzer;
import org.apache.lucene.analysis.lv.LatvianAnalyzer;
import org.apache.lucene.analysis.ne.NepaliAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.sr.SerbianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.ta.TamilAnalyzer;
import org.apache.lucene.analysis.te.TeluguAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysis of every language, chosen by field: {@code text}, {@code title} and
 * {@code article} are English and use {@link NewsAnalyzer} exactly as before languages were told
 * apart; {@code text_de}, {@code title_de}, ... use German analysis (Lucene's analyzer for the
 * language: its stop words, normalisation and light stemming), and so on
 * ({@link PassageFields#of}). A language Lucene has no analyzer for falls back to the standard
 * tokenizer with lower-casing only (no stop words, no stemming), logged once per language.
 * German adds one step to Lucene's German analysis ({@link German}). Korean is split into bigrams (Lucene's Korean analyzer is not available here). Analyzers are
 * built when a language is first seen (Chinese and Japanese load dictionaries). Thread-safe.
 */
public final class LanguageAnalyzers extends DelegatingAnalyzerWrapper {
    private static final Logger log = LoggerFactory.getLogger(LanguageAnalyzers.class);
    /** Keeps the values of a multi-valued field (title, body) apart, as {@link NewsAnalyzer} does. */
    static final int POSITION_GAP = 100;

    private static final Map<String, Supplier<Analyzer>> KNOWN = Map.ofEntries(
            Map.entry("ar", ArabicAnalyzer::new), Map.entry("bg", BulgarianAnalyzer::new),
            Map.entry("bn", BengaliAnalyzer::new), Map.entry("ca", CatalanAnalyzer::new),
            Map.entry("cs", CzechAnalyzer::new), Map.entry("da", DanishAnalyzer::new),
            Map.entry("de", German::new), Map.entry("el", GreekAnalyzer::new),
            Map.entry("es", SpanishAnalyzer::new), Map.entry("et", EstonianAnalyzer::new),
            Map.entry("eu", BasqueAnalyzer::new), Map.entry("fa", PersianAnalyzer::new),
            Map.entry("fi", FinnishAnalyzer::new), Map.entry("fr", FrenchAnalyzer::new),
            Map.entry("ga", IrishAnalyzer::new), Map.entry("gl", GalicianAnalyzer::new),
            Map.entry("hi", HindiAnalyzer::new), Map.entry("hu", HungarianAnalyzer::new),
            Map.entry("id", IndonesianAnalyzer::new), Map.entry("it", ItalianAnalyzer::new),
            Map.entry("ja", JapaneseAnalyzer::new), Map.entry("ko", CJKAnalyzer::new),
            Map.entry("lt", LithuanianAnalyzer::new), Map.entry("lv", LatvianAnalyzer::new),
            Map.entry("ne", NepaliAnalyzer::new), Map.entry("nl", DutchAnalyzer::new),
            Map.entry("no", NorwegianAnalyzer::new), Map.entry("pt", PortugueseAnalyzer::new),
            Map.entry("ro", RomanianAnalyzer::new), Map.entry("ru", RussianAnalyzer::new),
            Map.entry("sr", SerbianAnalyzer::new), Map.entry("sv", SwedishAnalyzer::new),
            Map.entry("ta", TamilAnalyzer::new), Map.entry("te", TeluguAnalyzer::new),
            Map.entry("th", ThaiAnalyzer::new), Map.entry("tr", TurkishAnalyzer::new),
            Map.entry("zh", SmartChineseAnalyzer::new));

    private final Analyzer english = new NewsAnalyzer();
    private final Map<String, Analyzer> byLanguage = new ConcurrentHashMap<>();

    public LanguageAnalyzers() {
        super(PER_FIELD_REUSE_STRATEGY);
    }

    /** Whether {@code language} has an analyzer of its own (else it gets the standard fallback). */
    public static boolean hasAnalyzer(String language) {
        return PassageFields.isEnglishFields(language) || KNOWN.containsKey(language);
    }

    /** The analyzer of {@code language}: {@link NewsAnalyzer} for English and undetermined text. */
    public Analyzer forLanguage(String language) {
        if (PassageFields.isEnglishFields(language)) {
            return english;
        }
        return byLanguage.computeIfAbsent(language, LanguageAnalyzers::create);
    }

    private static Analyzer create(String language) {
        Supplier<Analyzer> known = KNOWN.get(language);
        if (known != null) {
            return known.get();
        }
        log.info("no analyzer for language '{}' ({}): its text is indexed and searched with the standard "
                + "analyzer (lower-casing only, no stop words, no stemming)", language, Languages.displayName(language));
        return new StandardAnalyzer(CharArraySet.EMPTY_SET);
    }

    /**
     * Lucene's German analysis (German stop words, normalisation of umlauts and ß, light stemming)
     * with one step before the stemmer: the genitive -s of a word ending in a vowel is removed
     * ("Nordkoreas", "Chinas", "Obamas"), which the light stemmer keeps, so that "Nordkorea" finds
     * "Nordkoreas Raketentest".
     */
    static final class German extends Analyzer {
        private static final Pattern VOWEL_GENITIVE = Pattern.compile("^(\\p{L}{3,}[aiouy])s$");

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(source);
            stream = new StopFilter(stream, GermanAnalyzer.getDefaultStopSet());
            stream = new GermanNormalizationFilter(stream);
            stream = new PatternReplaceFilter(stream, VOWEL_GENITIVE, "$1", false);
            stream = new GermanLightStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new GermanNormalizationFilter(new LowerCaseFilter(in));
        }
    }

    @Override
    protected Analyzer getWrappedAnalyzer(String fieldName) {
        return forLanguage(PassageFields.languageOf(fieldName));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return POSITION_GAP;
    }
}
