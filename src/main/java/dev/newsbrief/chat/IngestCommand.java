package dev.newsbrief.chat;

import dev.newsbrief.core.HttpUrls;
import java.util.Optional;

/** /ingest &lt;url&gt; (admins): fetch and ingest one feed or page now. */
final class IngestCommand implements Command {
    private final Optional<UrlIngestor> ingestor;

    IngestCommand(Optional<UrlIngestor> ingestor) {
        this.ingestor = ingestor;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String description() {
        return "Ingest a feed or page URL now (admins)";
    }

    @Override
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Reply handle(IncomingMessage message, String args) {
        if (ingestor.isEmpty()) {
            return Reply.text("Sources are not configured in this build, so I can't ingest URLs yet.");
        }
        if (!HttpUrls.isHttpUrl(args)) {
            return Reply.text("Give me an http(s) URL, for example: /ingest https://example.com/feed.xml");
        }
        return Reply.text(ingestor.get().ingest(args));
    }
}
