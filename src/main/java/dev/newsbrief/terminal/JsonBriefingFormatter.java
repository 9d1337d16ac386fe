package dev.newsbrief.terminal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsbrief.brief.AlsoReported;
import dev.newsbrief.brief.BriefItem;
import dev.newsbrief.brief.Briefing;
import dev.newsbrief.brief.Citation;

/**
 * Renders a {@link Briefing} as one JSON object: {@code query} (the text as typed),
 * {@code interpreted_query} (its meaningful words), {@code kind}, {@code lead},
 * {@code items[]} (each with {@code article_id, title, source, published, url, text} and
 * {@code also_reported_by[]}, the other outlets of its story with their links),
 * suggestions and the "More" cursor.
 */
public final class JsonBriefingFormatter {
    private final ObjectMapper json = new ObjectMapper();

    public ObjectNode toJson(Briefing b) {
        ObjectNode root = json.createObjectNode();
        root.put("query", b.asked());
        root.put("interpreted_query", b.query());
        root.put("kind", b.kind().name().toLowerCase(java.util.Locale.ROOT));
        root.put("lead", b.lead() == null ? null : b.lead().text());
        root.put("lead_citation", b.leadCitation());
        ArrayNode items = root.putArray("items");
        for (BriefItem item : b.items()) {
            Citation c = item.citation();
            ObjectNode o = items.addObject();
            o.put("n", c.number());
            o.put("article_id", c.articleId());
            o.put("title", c.title());
            o.put("source", c.source());
            o.put("published", c.published() == null ? null : c.published().toString());
            o.put("url", c.url());
            o.put("language", c.language());
            o.put("text", item.text().text());
            ArrayNode also = o.putArray("also_reported_by");
            for (AlsoReported.Source source : item.alsoReported().sources()) {
                also.addObject().put("source", source.name()).put("url", source.url());
            }
        }
        ObjectNode languages = root.putObject("languages");
        b.languages().forEach(languages::put);
        root.put("corrected_query", b.correctedQuery());
        ArrayNode suggestions = root.putArray("suggestions");
        b.suggestions().forEach(suggestions::add);
        root.put("subscribe_topic", b.subscribeTopic());
        root.put("more", b.cursor());
        return root;
    }

    public String format(Briefing b) {
        try {
            return json.writeValueAsString(toJson(b));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }
}
