package dev.newsbrief.brief;

import dev.newsbrief.core.OptionException;
import java.time.Duration;

/**
 * How passages are scored. Defaults are the values tuned on BEIR SciFact (see docs/BENCHMARKS.md).
 *
 * @param k1                BM25 term-frequency saturation
 * @param b                 BM25 length normalisation
 * @param titleBoost        weight of a match in the article title relative to the passage text
 * @param proximityBoost    weight of adjacent query words found close together (0 = off)
 * @param proximitySlop     how many positions apart "close together" may be
 * @param recencyHalfLife   age at which the recency bonus halves; zero turns the decay off
 * @param recencyWeight     largest recency bonus for ordinary queries (score x (1 + weight))
 * @param latestWeight      largest recency bonus when the user asked for the latest news
 * @param latestHalfLife    half-life used when the user asked for the latest news
 * @param passagesToFetch   most passages searched for among the articles a briefing is composed from
 */
public record RankingOptions(float k1, float b, float titleBoost, float proximityBoost, int proximitySlop,
        Duration recencyHalfLife, double recencyWeight, double latestWeight, Duration latestHalfLife, int passagesToFetch) {

    public static RankingOptions defaults() {
        return new RankingOptions(0.9f, 0.4f, 0.3f, 0.3f, 4, Duration.ofDays(30), 0.2, 2.0, Duration.ofDays(3), 100);
    }

    public RankingOptions {
        if (k1 < 0) {
            throw new OptionException("k1", "must be at least 0 (BM25), got " + k1);
        }
        if (b < 0 || b > 1) {
            throw new OptionException("b", "must be between 0 and 1 (BM25), got " + b);
        }
        if (passagesToFetch < 1) {
            throw new OptionException("passagesToFetch", "must be positive, got " + passagesToFetch);
        }
        recencyHalfLife = recencyHalfLife == null ? Duration.ZERO : recencyHalfLife;
        latestHalfLife = latestHalfLife == null || latestHalfLife.isZero() ? Duration.ofDays(3) : latestHalfLife;
    }
}
