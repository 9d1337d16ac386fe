package dev.newsbrief.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.newsbrief.alerts.AlertsOptions;
import dev.newsbrief.brief.BriefOptions;
import dev.newsbrief.brief.RankingOptions;
import dev.newsbrief.chat.ChatSettings;
import dev.newsbrief.index.PassageIndex;
import dev.newsbrief.index.PassageSplitter;
import dev.newsbrief.ingest.Ingester;
import dev.newsbrief.sources.FetchOptions;
import dev.newsbrief.sources.SourcesOptions;
import dev.newsbrief.telegram.TelegramSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Where a key of {@code config/newsbrief.yaml} is not simply the record component's name in
 * kebab case ({@code maxAttempts} ↔ {@code max-attempts}), this says so: Jackson mix-ins, so that
 * the packages' options records stay plain records that know nothing of keys or Jackson.
 */
final class Bindings {
    private Bindings() {}

    static void register(ObjectMapper mapper) {
        mapper.addMixIn(AlertsOptions.class, Alerts.class);
        mapper.addMixIn(BriefOptions.class, Brief.class);
        mapper.addMixIn(RankingOptions.class, Ranking.class);
        mapper.addMixIn(PassageIndex.Options.class, Index.class);
        mapper.addMixIn(Ingester.Options.class, Ingest.class);
        mapper.addMixIn(SourcesOptions.class, Sources.class);
        mapper.addMixIn(SourcesOptions.Feed.class, Feed.class);
        mapper.addMixIn(SourcesOptions.Folder.class, Entry.class);
        mapper.addMixIn(SourcesOptions.Page.class, Entry.class);
        mapper.addMixIn(ChatSettings.class, Chat.class);
        mapper.addMixIn(TelegramSettings.class, Telegram.class);
    }

    abstract static class Alerts {
        @JsonProperty("max-subscriptions-per-chat")
        abstract int maxSubscriptions();
    }

    /** The ranking options are written among the other {@code brief:} settings. */
    abstract static class Brief {
        @JsonUnwrapped
        abstract RankingOptions ranking();
    }

    abstract static class Ranking {
        @JsonProperty("bm25-k1")
        abstract float k1();

        @JsonProperty("bm25-b")
        abstract float b();
    }

    abstract static class Index {
        @JsonUnwrapped(prefix = "passage-")
        abstract PassageSplitter.Options passages();
    }

    abstract static class Ingest {
        @JsonProperty("batch-max-articles")
        abstract int batchArticles();

        @JsonProperty("batch-max-millis")
        abstract long batchMillis();
    }

    /** The fetch options are written among the other {@code sources:} settings. */
    abstract static class Sources {
        @JsonUnwrapped
        abstract FetchOptions fetch();
    }

    /** A feed's words may be one word or a list; its interval may be left out. */
    abstract static class Feed {
        @JsonSetter(nulls = Nulls.SET)
        abstract Duration interval();

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        abstract List<String> include();

        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        abstract List<String> exclude();
    }

    abstract static class Entry {
        @JsonSetter(nulls = Nulls.SET)
        abstract Duration interval();
    }

    /** User ids may be written as numbers or as text ("12345"), as the environment gives them. */
    abstract static class Telegram {
        @JsonDeserialize(contentUsing = UserId.class)
        abstract Set<Long> admins();
    }

    static final class UserId extends JsonDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return p.getLongValue();
            }
            String text = p.getValueAsString();
            try {
                return Long.parseLong(text == null ? "" : text.strip());
            } catch (NumberFormatException e) {
                throw ctxt.weirdStringException(text, Long.class, "not a user id");
            }
        }
    }

    /** The admins are configured once, under {@code telegram:}. */
    abstract static class Chat {
        @JsonProperty("examples")
        abstract List<String> exampleQuestions();

        @JsonIgnore
        abstract Set<Long> admins();
    }
}
