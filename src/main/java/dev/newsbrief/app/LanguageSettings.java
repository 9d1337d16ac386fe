package dev.newsbrief.app;

import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.config.Config;
import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.lang.LanguageDetector;
import dev.newsbrief.lang.LanguageOptions;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** Reads the {@code languages:} section of the configuration, and wires the per-language briefing path. */
final class LanguageSettings {
    private LanguageSettings() {
    }

    static LanguageOptions from(Config c) {
        return new LanguageOptions(c.decimal("languages.other-language-weight"));
    }

    /** The briefing service over {@code index} with per-language analysis and the process's detector. */
    static BriefingService briefingService(Config c, PassageIndex index, Clock clock, BriefOptions options,
            MeterRegistry metrics) {
        return new BriefingService(index, new LanguageAnalyzers(), clock, options, metrics, LanguageDetector::shared,
                from(c));
    }
}
