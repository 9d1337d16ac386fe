package dev.newsbrief.chat;

import dev.newsbrief.lang.Messages;
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
    public boolean adminOnly() {
        return true;
    }

    @Override
    public Reply handle(IncomingMessage message, String args) {
        Messages m = Messages.of(message.language());
        if (ingestor.isEmpty()) {
            return Reply.text(m.get("ingest.unconfigured"));
        }
        if (!HttpUrls.isHttpUrl(args)) {
            return Reply.text(m.get("ingest.usage"));
        }
        return Reply.text(ingestor.get().ingest(args));
    }
}
