package dev.newsbrief.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {"1987-02-26T15:01:01Z", "2024-02-29T23:59:59Z", "0001-01-01T00:00:00Z",
        "2025-12-31T00:00:00Z"})
    void theHandReadUtcFormAgreesWithTheIsoParser(String value) {
        assertThat(PublishedTimes.plainUtcInstant(value)).isEqualTo(Instant.parse(value));
        assertThat(PublishedTimes.parse(value)).contains(Instant.parse(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T10:00:00Z", "2024-13-01T10:00:00Z", "2024-01-01T25:00:00Z",
        "2024-01-01T10:00:00+01:00", "2024-01-01T10:00:00.5Z", "2024-01-01 10:00:00Z", "2024-0a-01T10:00:00Z"})
    void anyOtherFormIsLeftToTheGeneralParsers(String value) {
        assertThat(PublishedTimes.plainUtcInstant(value)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-01-01T10:00:00+01:00", "2024-01-01T10:00:00.5Z", "2024-01-01 10:00:00"})
    void otherFormsStillParse(String value) {
        assertThat(PublishedTimes.parse(value)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T10:00:00Z", "2024-13-01T10:00:00Z", "not a date"})
    void impossibleDatesAreNotInvented(String value) {
        assertThat(PublishedTimes.parse(value)).isEmpty();
    }
}
