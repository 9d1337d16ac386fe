package dev.newsbrief.brief;

import java.util.Map;

/**
 * The head nouns a question's noun phrase may end in, and the answer type each asks for ("which
 * bank": an organisation, "what price": money), for {@link QuestionClassifier}; a keyword query's
 * telling word is looked up here too. Singular forms; the classifier folds plurals.
 */
final class AnswerHeads {
    /** Head noun to the type it asks for. */
    static final Map<String, AnswerType> ALL = all();

    private AnswerHeads() {
    }

    private static Map<String, AnswerType> all() {
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
