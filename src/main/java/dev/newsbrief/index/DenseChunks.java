package dev.newsbrief.index;

import java.util.ArrayList;
import java.util.List;

/**
 * What of an article is embedded: the model reads only its first 128 word pieces, so an article
 * is cut into chunks of about {@code chunkChars} characters at sentence boundaries, the first
 * being the headline with the opening of the text (what a news article is about), each later one
 * the headline with the text that follows. At most {@code maxChunks} are embedded; an article is
 * found by its best chunk.
 */
public final class DenseChunks {
    private DenseChunks() {
    }

    /**
     * @param title    the headline
     * @param passages the article's passages in reading order
     */
    public static List<String> of(String title, List<String> passages, int maxChunks, int chunkChars) {
        String head = title == null || title.isBlank() || title.equals("(untitled)") ? "" : title.strip() + ". ";
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder(head);
        for (String passage : passages) {
            for (String sentence : SentenceSplitter.sentences(passage)) {
                if (current.length() > head.length() && current.length() + 1 + sentence.length() > chunkChars) {
                    out.add(current.toString().strip());
                    if (out.size() == maxChunks) {
                        return out;
                    }
                    current = new StringBuilder(head);
                }
                if (current.length() > 0 && current.charAt(current.length() - 1) != ' ') {
                    current.append(' ');
                }
                // one over-long sentence is cut: the model would not read past it anyway
                current.append(sentence, 0, Math.min(sentence.length(), chunkChars));
            }
        }
        if (current.length() > head.length() || (out.isEmpty() && !head.isBlank())) {
            out.add(current.toString().strip());
        }
        return out.size() > maxChunks ? out.subList(0, maxChunks) : out;
    }
}
