package dev.newsbrief.brief;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detects what a question asks for (answer-type classification, as in the TREC QA systems): the
 * question word and the head noun after it decide ("how many" is a count, "which bank" an
 * organisation, "what stake" a percentage). A query without a question word may still hint at a
 * type through a telling word ("price", "spokesman", "vote"); that hint counts for less. Thread-safe.
 */
final class QuestionClassifier {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'\u2019-]*");
    private static final Set<String> WH = Set.of("who", "whom", "whose", "what", "which", "when", "where", "how");
    /** Auxiliaries right after a question word ("what is", "which were"): skipped before the noun phrase. */
    private static final Set<String> AUX = Set.of("is", "was", "are", "were", "be", "been", "being", "did", "does", "do",
            "will", "would", "has", "have", "had", "can", "could", "should", "may", "might", "must", "shall");
    /** Words that end the noun phrase after a question word: prepositions, auxiliaries, determiners inside it. */
    private static final Set<String> BOUNDARY = Set.of("of", "for", "in", "on", "at", "to", "by", "with", "from",
            "about", "over", "under", "after", "before", "since", "during", "per", "into", "than", "as", "against",
            "between", "a", "an", "that", "which", "who", "whom", "when", "where", "if", "and", "or");
    /** Leading words of a noun phrase that are not its head. */
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "his", "her", "their", "this",
            "that", "these", "those", "our", "your", "my", "each", "every", "some", "any");

    /** Head nouns and the type they ask for; plural forms are folded by stripping a final "s". */
    private static final Map<String, AnswerType> HEADS = heads();

    /** Verbs of market prices: "where did copper settle" asks for a level, not a place. */
    private static final Set<String> MARKET_VERBS = Set.of("settle", "settled", "close", "closed", "end", "ended",
            "finish", "finished", "trade", "traded", "stand", "stood", "open", "opened");
    /** Units a length or a duration is given in ("how long is the pipeline", "how long will it last"). */
    private static final List<String> MEASURES = List.of("miles", "kilometres", "kilometers", "km", "feet", "metres",
            "meters", "yards", "years", "months", "weeks", "days", "hours", "minutes");

    /** Words that make a question ask for what someone said: quoted speech answers it, not a type. */
    private static final Set<String> SPEECH = Set.of("say", "said", "says", "tell", "told", "think", "thinks",
            "mean", "warn", "warned", "announce", "announced", "claim", "claimed", "promise", "promised", "want");

    /** Words naming news itself: "what is the latest on X", "what's new at X" ask for the news, not a typed answer. */
    private static final Set<String> NEWS = Set.of("latest", "newest", "news", "new", "update", "development",
            "situation");

    AnswerExpectation classify(String raw) {
        return classify(words(raw));
    }

    /**
     * Like {@link #classify(String, String)} for an understood query: the words it excludes
     * ({@code -prices}) tell nothing of what it asks for, so they are left out.
     */
    AnswerExpectation classify(UserQuery query, String language) {
        List<String> words = words(query.raw());
        for (String excluded : query.exclusions()) {
            List<String> gone = words(excluded);
            // an exclusion is typed after a minus, most often at the end: its last occurrence goes
            for (int from = words.size() - gone.size(); from >= 0 && !gone.isEmpty(); from--) {
                if (words.subList(from, from + gone.size()).equals(gone)) {
                    words.subList(from, from + gone.size()).clear();
                    break;
                }
            }
        }
        return classify(QuestionWords.english(words, language));
    }

    /**
     * Like {@link #classify(String)} for a question in {@code language} (ISO 639-1): German,
     * Spanish, Portuguese, French and Russian questions are read in English first ({@link QuestionWords}).
     */
    AnswerExpectation classify(String raw, String language) {
        return classify(QuestionWords.english(words(raw), language));
    }

    private AnswerExpectation classify(List<String> words) {
        int wh = -1;
        for (int i = 0; i < words.size(); i++) {
            if (WH.contains(words.get(i))) {
                wh = i;
                break;
            }
        }
        if (wh < 0) {
            return hint(words, false);
        }
        String w = words.get(wh);
        String next = wh + 1 < words.size() ? words.get(wh + 1) : "";
        switch (w) {
            case "who", "whom", "whose":
                return of(1.0, AnswerType.PERSON, 1.0, AnswerType.ORGANIZATION, 0.7);
            case "when":
                return of(1.0, AnswerType.DATE, 1.0);
            case "where":
                for (int i = wh + 1; i < words.size(); i++) {
                    if (MARKET_VERBS.contains(words.get(i))) {
                        // "where did May copper settle": a price or level, not a place
                        return of(1.0, AnswerType.MONEY, 1.0, AnswerType.NUMBER, 0.8, AnswerType.PERCENT, 0.5);
                    }
                }
                return of(1.0, AnswerType.PLACE, 1.0, AnswerType.ORGANIZATION, 0.3);
            case "how":
                return how(words, wh, next);
            default:
                break;
        }
        // what / which: the head of the noun phrase after it decides ("what is X's debt rating": rating)
        List<String> phrase = nounPhrase(words, wh + 1);
        if (!phrase.isEmpty() && NEWS.contains(singular(phrase.get(phrase.size() - 1)))) {
            return AnswerExpectation.NONE; // "what is the latest on X": the news, as for a topic
        }
        if (!AUX.contains(next)) {
            // "which newspaper interviewed the minister": the phrase ends at its verb
            for (int i = 0; i < phrase.size(); i++) {
                String word = phrase.get(i);
                if (i > 0 && word.length() > 4 && word.endsWith("ed") && !HEADS.containsKey(singular(word))) {
                    phrase = phrase.subList(0, i);
                    break;
                }
            }
        }
        for (int i = phrase.size() - 1; i >= 0; i--) {
            String head = singular(phrase.get(i));
            AnswerType t = HEADS.get(head);
            if (t != null) {
                return forHead(t, head);
            }
        }
        // "what did X say" asks for the saying
        for (int i = wh + 1; i < words.size(); i++) {
            if (SPEECH.contains(words.get(i))) {
                return AnswerExpectation.NONE;
            }
        }
        AnswerExpectation hinted = hint(words.subList(wh + 1, words.size()), true);
        if (!hinted.isEmpty()) {
            return new AnswerExpectation(hinted.weights(), 0.8);
        }
        // "what happened", "which ... did": some named thing or figure
        return of(0.5, AnswerType.THING, 1.0, AnswerType.ORGANIZATION, 0.5, AnswerType.NUMBER, 0.4);
    }

    private static AnswerExpectation how(List<String> words, int wh, String next) {
        switch (next) {
            case "many":
                return of(1.0, AnswerType.NUMBER, 1.0, AnswerType.SCORE, 0.3).withFocus(nounPhrase(words, wh + 2));
            case "much": {
                // "how much did it pay": money; "how much ore", "how much more fuel": a quantity or a share;
                // "by how much did prices rise": a change, most often a percentage
                String after = wh + 2 < words.size() ? words.get(wh + 2) : "";
                boolean change = wh > 0 && words.get(wh - 1).equals("by");
                if (change || after.equals("more") || after.equals("less")) {
                    return of(1.0, AnswerType.PERCENT, 1.0, AnswerType.MONEY, 0.7, AnswerType.NUMBER, 0.7);
                }
                // "how much did it pay": the verb's amount; "how much Computer Associates and UCCEL debt
                // did ...": a money word before the verb; "how much ore": a quantity
                List<String> phrase = nounPhrase(words, wh + 2);
                boolean money = after.isEmpty() || AUX.contains(after);
                for (int i = wh + 2; i < words.size() && !AUX.contains(words.get(i)); i++) {
                    money |= HEADS.get(singular(words.get(i))) == AnswerType.MONEY;
                }
                return money ? of(1.0, AnswerType.MONEY, 1.0, AnswerType.NUMBER, 0.3, AnswerType.PERCENT, 0.3)
                        : of(1.0, AnswerType.NUMBER, 1.0, AnswerType.MONEY, 0.5, AnswerType.PERCENT, 0.3)
                                .withFocus(phrase);
            }
            case "long", "old":
                return of(1.0, AnswerType.NUMBER, 1.0, AnswerType.DATE, 0.6).withFocus(MEASURES);
            case "big", "large", "high", "low", "far", "fast", "deep":
                return of(1.0, AnswerType.NUMBER, 1.0, AnswerType.MONEY, 0.8, AnswerType.PERCENT, 0.6);
            default:
                break;
        }
        for (int i = wh + 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.startsWith("vot")) {
                return of(1.0, AnswerType.SCORE, 1.0);
            }
            if (w.equals("rated") || w.equals("rate") || w.equals("called") || w.equals("named")) {
                return of(1.0, AnswerType.THING, 1.0);
            }
        }
        return AnswerExpectation.NONE; // "how did X react": an explanation, no type
    }

    /**
     * The noun phrase starting at {@code from}: leading auxiliaries and determiners skipped, then
     * words up to a preposition, an auxiliary or a determiner ("what is the minimum number of X":
     * minimum number; "what were Ferro's second quarter sales a year ago": ferro second quarter sales).
     */
    private static List<String> nounPhrase(List<String> words, int from) {
        int i = from;
        while (i < words.size() && (AUX.contains(words.get(i)) || DETERMINERS.contains(words.get(i)))) {
            i++;
        }
        List<String> out = new ArrayList<>();
        for (; i < words.size(); i++) {
            String w = words.get(i);
            if (AUX.contains(w) || BOUNDARY.contains(w) || (DETERMINERS.contains(w) && !out.isEmpty())) {
                break;
            }
            out.add(w);
        }
        return out;
    }

    private static AnswerExpectation forHead(AnswerType t, String head) {
        return switch (t) {
            case PERSON -> of(1.0, AnswerType.PERSON, 1.0, AnswerType.ORGANIZATION, 0.3);
            case ORGANIZATION -> of(1.0, AnswerType.ORGANIZATION, 1.0, AnswerType.PERSON, 0.3);
            case MONEY -> of(1.0, AnswerType.MONEY, 1.0, AnswerType.NUMBER, 0.3, AnswerType.PERCENT, 0.3);
            case PERCENT -> of(1.0, AnswerType.PERCENT, 1.0, AnswerType.NUMBER, 0.5);
            case NUMBER -> of(1.0, AnswerType.NUMBER, 1.0, AnswerType.MONEY, 0.4, AnswerType.PERCENT, 0.3);
            case PLACE -> of(1.0, AnswerType.PLACE, 1.0);
            case DATE -> of(1.0, AnswerType.DATE, 1.0);
            case SCORE -> of(1.0, AnswerType.SCORE, 1.0, AnswerType.NUMBER, 0.4);
            case THING -> head.equals("name") ? of(1.0, AnswerType.THING, 1.0, AnswerType.ORGANIZATION, 0.8,
                    AnswerType.PERSON, 0.6) : of(1.0, AnswerType.THING, 1.0);
        };
    }

    /**
     * A keyword query's hint: the most telling type word in it ("price" money, "spokesman" a
     * person), weighed as a hint; none when no word tells.
     */
    private static AnswerExpectation hint(List<String> words, boolean firstWins) {
        AnswerType best = null;
        String bestWord = null;
        for (int i = 0; i < words.size(); i++) {
            String raw = words.get(i);
            String w = singular(raw);
            if (w.equals("share") && i > 0 && (words.get(i - 1).equals("per") || words.get(i - 1).equals("a"))) {
                continue; // "per share": a unit of a price, not a stake
            }
            // "cost of living", "rate of inflation": the noun phrase is a percentage, not money
            if ((w.equals("cost") || w.equals("rate")) && i + 2 < words.size() && words.get(i + 1).equals("of")) {
                best = AnswerType.PERCENT;
                bestWord = w;
                continue;
            }
            AnswerType t = raw.equals("shares") ? AnswerType.NUMBER : HEADS.get(w);
            if (t != null && (best == null || (!firstWins && rank(t) < rank(best)))) {
                best = t;
                bestWord = w;
            }
        }
        if (best == null) {
            return AnswerExpectation.NONE;
        }
        AnswerExpectation e = forHead(best, bestWord);
        return new AnswerExpectation(e.weights(), 0.6);
    }

    /** Which hint wins when a query holds several type words: the more specific first. */
    private static int rank(AnswerType t) {
        return switch (t) {
            case SCORE -> 0;
            case PERCENT -> 1;
            case MONEY -> 2;
            case DATE -> 3;
            case PERSON -> 4;
            case PLACE -> 5;
            case ORGANIZATION -> 6;
            case NUMBER -> 7;
            case THING -> 8;
        };
    }

    private static AnswerExpectation of(double confidence, Object... typeWeights) {
        Map<AnswerType, Double> m = new EnumMap<>(AnswerType.class);
        for (int i = 0; i < typeWeights.length; i += 2) {
            m.put((AnswerType) typeWeights[i], (Double) typeWeights[i + 1]);
        }
        return new AnswerExpectation(m, confidence);
    }

    static List<String> words(String raw) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(raw == null ? "" : raw.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group().replace('\u2019', '\'');
            if (w.endsWith("'s")) {
                w = w.substring(0, w.length() - 2);
            }
            out.add(w);
        }
        return out;
    }

    private static String singular(String w) {
        if (HEADS.containsKey(w) || w.length() < 4) {
            return w;
        }
        if (w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static Map<String, AnswerType> heads() {
        Map<String, AnswerType> m = new java.util.HashMap<>();
        put(m, AnswerType.PERSON, "person", "man", "woman", "chairman", "chairwoman", "president", "minister",
                "governor", "secretary", "spokesman", "spokeswoman", "director", "executive", "official", "negotiator",
                "analyst", "economist", "justice", "judge", "senator", "congressman", "leader", "head", "chief",
                "founder", "owner", "commissioner", "ambassador", "adviser", "advisor", "candidate", "king", "queen",
                "premier", "chancellor", "mayor", "officer", "representative", "player", "coach", "winner", "author",
                "successor", "predecessor", "treasurer", "manager", "financier", "investor", "sponsor");
        put(m, AnswerType.ORGANIZATION, "company", "firm", "bank", "group", "union", "newspaper", "daily", "paper",
                "agency", "airline", "broker", "underwriter", "exchange", "organization", "organisation", "institution",
                "party", "unit", "subsidiary", "corporation", "consortium", "partner", "buyer", "bidder", "lender",
                "carrier", "maker", "producer", "insurer", "utility", "fund", "team", "club", "network", "station",
                "magazine", "court", "ministry", "department", "committee", "body", "government", "association",
                "shareholder", "holder", "parent", "supplier", "customer", "acquirer", "advisers", "advisors");
        put(m, AnswerType.MONEY, "price", "cost", "value", "amount", "fee", "dividend", "payment", "bid", "offer",
                "loan", "debt", "profit", "loss", "revenue", "sale", "earning", "income", "budget", "deficit",
                "surplus", "investment", "spending", "salary", "wage", "capital", "fine", "aid", "worth", "tariff",
                "reserve", "credit", "facility", "turnover", "proceeds", "money", "sum", "pay", "paid", "dlrs",
                "dollars", "valuation", "compensation", "subsidy");
        put(m, AnswerType.PERCENT, "percentage", "percent", "pct", "share", "stake", "rate", "yield", "coupon",
                "growth", "inflation", "proportion", "ratio", "interest", "discount", "premium", "margin", "fraction",
                "majority");
        put(m, AnswerType.NUMBER, "number", "quantity", "volume", "output", "production", "capacity", "tonne", "ton",
                "barrel", "unit", "worker", "people", "employee", "job", "vehicle", "car", "ship", "plane", "house",
                "acre", "hectare", "mile", "kilometre", "kilometer", "member", "passenger", "level", "ceiling",
                "quota", "size", "figure", "total", "count", "import", "export", "crop", "harvest", "supply", "demand",
                "stock", "population", "casualty", "death", "injury", "victim");
        put(m, AnswerType.DATE, "date", "day", "year", "month", "time", "deadline", "week", "period", "hour",
                "season", "until", "era", "decade", "century");
        put(m, AnswerType.PLACE, "place", "country", "city", "state", "port", "region", "town", "island", "province",
                "area", "location", "village", "site", "capital", "nation", "continent", "district", "field",
                "plant", "mine", "headquarters", "venue");
        put(m, AnswerType.SCORE, "score", "vote", "tally", "result");
        put(m, AnswerType.THING, "name", "symbol", "product", "rating", "drug", "brand", "model", "title", "code",
                "well", "ticker", "word", "program", "programme", "project", "system", "plan", "law", "bill", "film",
                "book", "song", "weapon", "missile", "aircraft", "machine", "technology", "device", "contract",
                "agreement", "treaty", "patent");
        return Map.copyOf(m);
    }

    private static void put(Map<String, AnswerType> m, AnswerType t, String... words) {
        for (String w : words) {
            m.putIfAbsent(w, t);
        }
    }
}
