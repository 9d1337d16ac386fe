package dev.newsbrief.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.core.NewsbriefException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Builds the labelled story-pair set from the Reuters corpus:
 * <ul>
 *   <li><b>rewrites</b> (label same): a Reuters article with at least three paragraphs and 60 words,
 *       retold by another outlet: a new headline, 5–20% of the words replaced by synonyms (from
 *       {@code bench/synonyms.txt}; names, which have none, are kept) or swapped with a neighbour, the last paragraph dropped (one or
 *       two when there are four or more), the {@code REUTER} sign-off removed and one sentence of
 *       boilerplate ({@code bench/boilerplate.txt}) added first or last, published 10 minutes to
 *       20 hours later;</li>
 *   <li><b>Reuters pairs</b> from a hand-labelled list (tab-separated: id, id, same|different, kind,
 *       note): the corpus's own exact and near duplicates, read and labelled one by one, and
 *       different stories on the same subject chosen by reading.</li>
 * </ul>
 * Deterministic for a seed, so the committed set can be regenerated.
 */
public final class StoryPairGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OUTLETS = List.of("Daily Courier", "Metro Business", "The Ledger",
            "Market Wire", "Evening Post", "Capital Journal", "Harbour Times", "Global Desk");
    private static final List<String> PREFIXES = List.of("", "", "", "UPDATE 1-", "Report: ", "Analysis: ");

    private final Map<String, List<String>> synonyms;
    private final List<String> boilerplate;

    public StoryPairGenerator() {
        this.synonyms = synonyms(lines("bench/synonyms.txt"));
        this.boilerplate = lines("bench/boilerplate.txt");
    }

    /**
     * The labelled pairs: {@code rewrites} generated rewrites, then the pairs of {@code labels}.
     *
     * @param reuters the Reuters-21578 corpus (.jsonl)
     * @param labels  the hand-labelled Reuters pairs
     */
    public List<StoryPairs.Pair> generate(Path reuters, Path labels, int rewrites, long seed) {
        Map<String, StoryPairs.Item> corpus = corpus(reuters);
        List<StoryPairs.Pair> out = new ArrayList<>();
        Random rnd = new Random(seed);
        List<StoryPairs.Item> sources = new ArrayList<>(corpus.values().stream()
                .filter(a -> paragraphs(a.body()).size() >= 3 && a.body().split("\\s+").length >= 60
                        && a.published() != null)
                .toList());
        Collections.shuffle(sources, rnd);
        for (int i = 0; i < Math.min(rewrites, sources.size()); i++) {
            StoryPairs.Item original = sources.get(i);
            String id = String.format(Locale.ROOT, "rw-%04d", i + 1);
            out.add(new StoryPairs.Pair(id, true, "rewrite", "", original, rewrite(original, id, rnd)));
        }
        int n = 0;
        for (String line : readLines(labels)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 4 || !(f[2].equals("same") || f[2].equals("different"))) {
                throw new NewsbriefException(labels + ": expected id, id, same|different, kind, note: " + line);
            }
            StoryPairs.Item a = corpus.get(f[0]);
            StoryPairs.Item b = corpus.get(f[1]);
            if (a == null || b == null) {
                throw new NewsbriefException(labels + ": unknown article in " + line);
            }
            String id = String.format(Locale.ROOT, "%s-%04d", f[2].equals("same") ? "rs" : "rd", ++n);
            out.add(new StoryPairs.Pair(id, f[2].equals("same"), f[3], f.length > 4 ? f[4] : "", a, b));
        }
        return out;
    }

    /** Another outlet's version of {@code a}. */
    StoryPairs.Item rewrite(StoryPairs.Item a, String id, Random rnd) {
        List<String> paragraphs = new ArrayList<>(paragraphs(a.body()));
        int last = paragraphs.size() - 1;
        paragraphs.set(last, paragraphs.get(last).replaceAll("\\s*REUTER\\W*$", ""));
        int drop = paragraphs.size() <= 3 ? 1 : 1 + rnd.nextInt(2);
        List<List<String>> words = new ArrayList<>();
        for (String p : paragraphs.subList(0, paragraphs.size() - drop)) {
            words.add(new ArrayList<>(List.of(p.strip().split("\\s+"))));
        }
        int total = words.stream().mapToInt(List::size).sum();
        int target = (int) Math.round((0.05 + 0.15 * rnd.nextDouble()) * total);
        List<int[]> replaceable = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int p = 0; p < words.size(); p++) {
            for (int w = 0; w < words.get(p).size(); w++) {
                String core = core(words.get(p).get(w));
                boolean opensSentence = w == 0 || words.get(p).get(w - 1).matches(".*[.!?]\\W*$");
                if (!core.isEmpty() && Character.isUpperCase(core.charAt(0)) && !opensSentence) {
                    names.add(core.toLowerCase(Locale.ROOT)); // a name: it has no synonyms
                } else if (synonyms.containsKey(core.toLowerCase(Locale.ROOT))) {
                    replaceable.add(new int[] {p, w});
                }
            }
        }
        Collections.shuffle(replaceable, rnd);
        int changed = 0;
        for (int[] at : replaceable) {
            if (changed >= target) {
                break;
            }
            List<String> para = words.get(at[0]);
            para.set(at[1], substitute(para.get(at[1]), rnd));
            changed++;
        }
        for (int tries = 0; changed < target && tries < 10 * total; tries++) {
            List<String> para = words.get(rnd.nextInt(words.size()));
            if (para.size() < 3) {
                continue;
            }
            int w = rnd.nextInt(para.size() - 1);
            if (para.get(w).matches(".*[.!?:;\"]$") || para.get(w + 1).matches(".*[.!?:;\"]$")) {
                continue; // keep sentence ends in place
            }
            Collections.swap(para, w, w + 1);
            changed += 2;
        }
        List<String> body = new ArrayList<>();
        for (List<String> para : words) {
            body.add(String.join(" ", para));
        }
        String extra = boilerplate.get(rnd.nextInt(boilerplate.size()));
        if (rnd.nextBoolean()) {
            body.add(0, extra);
        } else {
            body.add(extra);
        }
        String outlet = OUTLETS.get(rnd.nextInt(OUTLETS.size()));
        String title = headline(a.title(), names, rnd);
        return new StoryPairs.Item(id, title, String.join("\n\n", body), outlet,
                "https://" + slug(outlet) + ".example/" + id + "/" + slug(title),
                a.published().plus(Duration.ofMinutes(10 + rnd.nextInt(20 * 60 - 10))));
    }

    /**
     * A new headline: the wire headline in sentence case, some words (not the names the body
     * writes capitalised) swapped for synonyms, maybe a prefix.
     */
    private String headline(String wire, java.util.Set<String> names, Random rnd) {
        List<String> out = new ArrayList<>();
        for (String w : wire.strip().split("\\s+")) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (synonyms.containsKey(core(lower)) && !names.contains(core(lower)) && rnd.nextInt(3) > 0) {
                lower = substitute(lower, rnd);
            }
            out.add(lower);
        }
        String text = String.join(" ", out);
        text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
        return PREFIXES.get(rnd.nextInt(PREFIXES.size())) + text;
    }

    private String substitute(String token, Random rnd) {
        String core = core(token);
        List<String> options = synonyms.get(core.toLowerCase(Locale.ROOT));
        String replacement = options.get(rnd.nextInt(options.size()));
        if (Character.isUpperCase(core.charAt(0))) {
            replacement = Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1);
        }
        int at = token.indexOf(core);
        return token.substring(0, at) + replacement + token.substring(at + core.length());
    }

    /** The letters of a token without surrounding punctuation ("said," gives "said"). */
    private static String core(String token) {
        int s = 0;
        int e = token.length();
        while (s < e && !Character.isLetter(token.charAt(s))) {
            s++;
        }
        while (e > s && !Character.isLetter(token.charAt(e - 1))) {
            e--;
        }
        String core = token.substring(s, e);
        return core.chars().allMatch(Character::isLetter) ? core : "";
    }

    private static List<String> paragraphs(String body) {
        List<String> out = new ArrayList<>();
        for (String p : body.split("\\n\\s*\\n")) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static Map<String, StoryPairs.Item> corpus(Path reuters) {
        Map<String, StoryPairs.Item> out = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(reuters, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    StoryPairs.Item item = StoryPairs.item(JSON.readTree(line));
                    out.put(item.id(), item);
                }
            }
        } catch (IOException e) {
            throw new NewsbriefException("cannot read " + reuters + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static Map<String, List<String>> synonyms(List<String> lines) {
        Map<String, List<String>> out = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (line.startsWith("#") || colon < 0) {
                continue;
            }
            List<String> alternatives = new ArrayList<>();
            for (String s : line.substring(colon + 1).split(",")) {
                if (!s.isBlank()) {
                    alternatives.add(s.strip());
                }
            }
            out.put(line.substring(0, colon).strip(), List.copyOf(alternatives));
        }
        return out;
    }

    private static List<String> lines(String resource) {
        try (InputStream in = StoryPairGenerator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new NewsbriefException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
