package dev.newsbrief.app;

import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.brief.BriefingService;
import dev.newsbrief.config.Settings;
import dev.newsbrief.index.LanguageAnalyzers;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.lang.LanguageDetector;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;

/** The per-language briefing path, wired the same way for the bot, {@code ask}, benchmarks and evals. */
final class LanguageWiring {
    private LanguageWiring() {
    }

    /**
     * The briefing service over {@code index} with per-language analysis, the process's language
     * detector and the {@code languages:} settings.
     */
    static BriefingService briefingService(Settings settings, PassageIndex index, Clock clock, BriefOptions options,
            MeterRegistry metrics) {
        return new BriefingService(index, new LanguageAnalyzers(), clock, options, metrics, LanguageDetector::shared,
                settings.languages());
    }

    /** Like {@link #briefingService(Settings, PassageIndex, Clock, BriefOptions, MeterRegistry)}, unmetered. */
    static BriefingService briefingService(Settings settings, PassageIndex index, Clock clock, BriefOptions options) {
        return briefingService(settings, index, clock, options, new CompositeMeterRegistry());
    }
}
