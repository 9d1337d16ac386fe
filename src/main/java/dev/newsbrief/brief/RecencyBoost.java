package dev.newsbrief.brief;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A score multiplier of {@code 1 + weight * 0.5^(age / halfLife)} read from the publication-time
 * doc values: fresh passages get up to {@code 1 + weight}, old ones tend to 1 (never 0, so an old
 * archive still ranks by relevance). Passages without a date get 1.
 */
final class RecencyBoost extends DoubleValuesSource {
    private final String field;
    private final long nowMillis;
    private final double halfLifeMillis;
    private final double weight;

    RecencyBoost(String field, long nowMillis, double halfLifeMillis, double weight) {
        this.field = field;
        this.nowMillis = nowMillis;
        this.halfLifeMillis = halfLifeMillis;
        this.weight = weight;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext ctx, DoubleValues scores) throws IOException {
        NumericDocValues published = DocValues.getNumeric(ctx.reader(), field);
        return new DoubleValues() {
            private double value = 1;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                if (published.advanceExact(doc)) {
                    double age = Math.max(0, nowMillis - published.longValue());
                    value = 1 + weight * Math.pow(0.5, age / halfLifeMillis);
                } else {
                    value = 1;
                }
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext ctx) {
        return DocValues.isCacheable(ctx, field);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecencyBoost r && r.field.equals(field) && r.nowMillis == nowMillis
                && r.halfLifeMillis == halfLifeMillis && r.weight == weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(field, nowMillis, halfLifeMillis, weight);
    }

    @Override
    public String toString() {
        return "recency(" + field + ", halfLife=" + halfLifeMillis + "ms, weight=" + weight + ")";
    }
}
