package dev.newsbrief.sources;

import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.opml.io.impl.OPML10Parser;
import com.rometools.opml.io.impl.OPML20Generator;
import com.rometools.opml.io.impl.OPML20Parser;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * OPML subscription lists, the format every feed reader imports and exports, read and written
 * with ROME's OPML model, parser and generator. Outlines nest (folders); every outline with an
 * {@code xmlUrl} is a feed. Parsing refuses DTDs and external entities, like feed parsing.
 */
public final class OpmlFile {
    /** A feed listed in an OPML file. */
    public record Feed(String title, String url) {
    }

    private OpmlFile() {
    }

    /** Whether {@code file} is named like an OPML file. */
    public static boolean isOpml(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".opml");
    }

    /**
     * The http(s) feeds listed in {@code file}, in document order.
     *
     * @throws SourceException naming the file when it is not readable OPML
     */
    public static List<Feed> read(Path file) {
        Document doc;
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setExpandEntities(false);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = Files.newInputStream(file)) {
            doc = builder.build(in);
        } catch (IOException | JDOMException e) {
            throw new SourceException(file + " is not a readable OPML file: " + e.getMessage());
        }
        WireFeed parsed;
        try {
            OPML20Parser v2 = new OPML20Parser();
            parsed = v2.isMyType(doc) ? v2.parse(doc, false, Locale.ROOT) : new OPML10Parser().parse(doc, false,
                    Locale.ROOT);
        } catch (FeedException | RuntimeException e) {
            throw new SourceException(file + " is not an OPML subscription list: " + e.getMessage());
        }
        if (!(parsed instanceof Opml opml)) {
            throw new SourceException(file + " is not an OPML subscription list");
        }
        List<Feed> feeds = new ArrayList<>();
        collect(opml.getOutlines(), feeds);
        return feeds;
    }

    private static void collect(List<Outline> outlines, List<Feed> into) {
        for (Outline o : outlines) {
            String url = o.getXmlUrl();
            if (url != null && (url.startsWith("http://") || url.startsWith("https://"))) {
                into.add(new Feed(o.getTitle() != null ? o.getTitle() : o.getText(), url.strip()));
            }
            collect(o.getChildren(), into);
        }
    }

    /** An OPML 2.0 document listing {@code feeds}, as feed readers import it. */
    public static String write(String title, List<FeedSource> feeds) {
        Opml opml = new Opml();
        opml.setFeedType("opml_2.0");
        opml.setTitle(title);
        List<Outline> outlines = new ArrayList<>();
        for (FeedSource f : feeds) {
            Outline o = new Outline();
            o.setType("rss");
            o.setText(f.name());
            o.setTitle(f.name());
            o.getAttributes().add(new com.rometools.opml.feed.opml.Attribute("xmlUrl", f.url()));
            outlines.add(o);
        }
        opml.setOutlines(outlines);
        try {
            return new XMLOutputter(Format.getPrettyFormat()).outputString(new OPML20Generator().generate(opml));
        } catch (FeedException e) {
            throw new SourceException("cannot write OPML: " + e.getMessage());
        }
    }
}
