package dev.newsbrief.brief;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a question in German, Spanish, Portuguese, French or Russian with the English answer-type
 * rules of {@link QuestionClassifier}: its question words ("wer", "quién", "quem", "qui", "кто"),
 * the auxiliaries, articles and prepositions around them, the verbs of speech and voting, and the
 * head nouns that tell a type ("Umsatz", "porcentaje", "cidade") become their English
 * counterparts ("Um wie viel Prozent steigen die Preise" reads as "by how much percent steigen the
 * price"). Words it does not know stay as they are. A question word written without its accent
 * ("quien", "cuando", "que") counts only among the first words, where a question asks; later it
 * is a conjunction. German compound nouns are read by their last part ("Ticketpreise": price).
 * Thread-safe (immutable tables).
 */
final class QuestionWords {
    /** Phrases of up to three words, per language, and their English reading (one or more words). */
    private static final Map<String, Map<String, String>> PHRASES = Map.of(
            "de", Map.ofEntries(Map.entry("um wie viel", "by how much"), Map.entry("um wie viele", "by how many"),
                    Map.entry("wie viel", "how much"), Map.entry("wie viele", "how many"),
                    Map.entry("wie lange", "how long"), Map.entry("wie alt", "how old"),
                    Map.entry("wie hoch", "how high"), Map.entry("wie groß", "how big"),
                    Map.entry("wie weit", "how far"), Map.entry("wie schnell", "how fast"),
                    Map.entry("bis wann", "when"), Map.entry("seit wann", "when"),
                    Map.entry("in welchem jahr", "what year")),
            "es", Map.of("por cuánto", "by how much", "cuánto tiempo", "how long", "en qué año", "what year",
                    "a qué hora", "what time", "cuántos años", "how old"),
            "pt", Map.of("o que", "what", "quanto tempo", "how long", "em que ano", "what year",
                    "por quanto", "by how much", "quantos anos", "how old"),
            "fr", Map.of("combien de temps", "how long", "en quelle année", "what year", "combien de", "how many",
                    "qu'est-ce que", "what", "est-ce que", "is"),
            "ru", Map.of("сколько лет", "how old", "в каком году", "what year"));

    /**
     * German nouns that tell an answer type; a compound ends with one ("Ticketpreise", "Hauptstadt").
     * Measures read as "size", a count of its own ("Welcher Mindestabstand": a number).
     */
    private static final Map<String, String> NOUNS_DE = words("umsatz revenue preis price preise price kosten cost gewinn profit verlust loss schaden cost "
            + "summe sum betrag amount wert value gehalt salary schulden debt prozent percent anteil share "
            + "quote rate zinsen interest zins interest zahl number anzahl number menge quantity stadt city "
            + "land country ort place region region bundesland state firma company unternehmen company "
            + "konzern company bank bank partei party zeitung newspaper ministerium ministry behörde agency "
            + "verein club mannschaft team jahr year datum date tag day monat month zeitpunkt time minister "
            + "minister ministerin minister chef chief chefin chief präsident president präsidentin president "
            + "trainer coach sprecher spokesman sprecherin spokesman ergebnis result stimmen votes gesetz law "
            + "vertrag contract produkt product name name leute people menschen people einwohner population "
            + "abstand size entfernung size länge size höhe size größe size grösse size gewicht size fläche size "
            + "temperatur size tote victim opfer victim verletzte injury mitarbeiter employee beschäftigte employee "
            + "teilnehmer people besucher people");

    /** Single words, per language, and their English reading ("+" joins the words of a reading). */
    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "de", with(words("wer who wen who wem who wessen whose wann when wo where wohin where woher where was what "
            + "welche which welcher which welches which welchen which welchem which wie how wieviel how+much "
            + "wieviele how+many ist is war was sind are waren were wird will wurde was wurden were hat has "
            + "haben have hatte had der the die the das the den the dem the des the ein a eine a einen a "
            + "einem a einer a von of für for in in im in am at an at auf on mit with nach after vor before "
            + "bei at über about zu to zum to zur to aus from gegen against seit since sagte said sagt says "
            + "sagten said gesagt said erklärte said stimmte voted stimmten voted abgestimmt voted heißt "
            + "called kostet cost kosten cost kostete cost zahlt pay zahlte paid bezahlt paid"), NOUNS_DE),
            "es", words("quién who quiénes who quien who quienes who cuándo when cuando when dónde where donde where "
            + "adónde where cuesta cost costó cost pagó paid pagará pay qué what que what cuál which cuáles which cual which cuales which cómo how como "
            + "how cuántos how+many cuántas how+many cuantos how+many cuantas how+many cuánto how+much cuánta "
            + "how+much cuanto how+much cuanta how+much es is era was fue was son are fueron were ha has han "
            + "have había had será will el the la the los the las the un a una a unos the unas the lo the de "
            + "of del of en in a to al to para for con with sobre about desde since contra against dijo said "
            + "dice says dijeron said afirmó said declaró said llama called llamó called llamado called "
            + "porcentaje percentage precio price costo cost coste cost valor value monto amount ganancia "
            + "profit pérdida loss deuda debt tasa rate empresa company compañía company partido party "
            + "periódico newspaper diario newspaper ministerio ministry banco bank equipo team club club "
            + "gobierno government confederación organization sindicato union asociación association "
            + "organización organization ciudad city país country región region provincia province lugar "
            + "place año year fecha date día day mes month número number cantidad number personas people "
            + "presidente president ministro minister ministra minister director director directora director "
            + "alcalde mayor jugador player entrenador coach resultado result votos votes nombre name ley law "
            + "proyecto project"),
            "pt", words("quem who custa cost custou cost pagou paid pagará pay quando when onde where aonde where que what qual which quais which como how quantos "
            + "how+many quantas how+many quanto how+much quanta how+much é is era was foi was são are foram "
            + "were será will tem has têm have teve had tinha had está is estava was o the a the os the as "
            + "the um a uma a de of do of da of dos of das of em in no in na in nos in nas in para for com "
            + "with por by pelo by pela by sobre about desde since contra against disse said diz says afirmou "
            + "said declarou said chama called chamou called chamada called porcentagem percentage percentual "
            + "percentage preço price custo cost valor value dívida debt taxa rate empresa company companhia "
            + "company partido party jornal newspaper ministério ministry banco bank time team equipe team "
            + "clube club governo government cidade city país country estado state região region lugar place "
            + "local place ano year anos years data date dia day mês month número number quantidade number "
            + "pessoas people presidente president ministro minister prefeito mayor governador governor "
            + "candidato candidate jogador player técnico coach resultado result votos votes nome name lei "
            + "law projeto project tempo time"),
            "fr", words("qui who coûte cost coûté cost payé paid quand when où where que what qu what quoi what quel which quelle which quels which "
            + "quelles which comment how combien how+much est is était was sont are a has ont have sera will "
            + "le the la the les the l the un a une a des the du of de of d of en in dans in à to au to aux "
            + "to pour for avec with par by sur on dit said déclaré said affirmé said appelle called prix "
            + "price coût cost montant amount valeur value pourcentage percentage taux rate entreprise "
            + "company société company parti party journal newspaper ministère ministry banque bank équipe "
            + "team ville city pays country région region lieu place année year an year date date jour day "
            + "mois month nombre number personnes people président president ministre minister maire mayor "
            + "résultat result voix votes nom name loi law"),
            "ru", words("кто who когда when где where куда where сколько how+many что what какой which какая which "
            + "какое which какие which каких which каком which какую which как how"));

    /** Question words written without their accent, read as such only among a question's first words. */
    private static final Set<String> EARLY_ONLY = Set.of("quien", "quienes", "cuando", "donde", "que", "cual",
            "cuales", "como", "cuantos", "cuantas", "cuanto", "cuanta", "qu");
    private static final Set<String> QUESTION_WORDS = Set.of("who", "whose", "when", "where", "what", "which",
            "how");
    private static final int EARLY = 3;
    /** The shortest last part a German compound is read by ("-preise", "-stadt"; not "-land" or "-tag"). */
    private static final int MIN_COMPOUND_PART = 5;

    private QuestionWords() {
    }

    /**
     * {@code words} (lower case, as {@link QuestionClassifier#words} gives them) read in English;
     * the same list when {@code language} is English, unknown or has no table here.
     */
    static List<String> english(List<String> words, String language) {
        Map<String, String> single = language == null ? null : WORDS.get(language);
        if (single == null) {
            return words;
        }
        Map<String, String> phrases = PHRASES.getOrDefault(language, Map.of());
        List<String> out = new ArrayList<>(words.size() + 4);
        int i = 0;
        while (i < words.size()) {
            int taken = 0;
            String english = null;
            for (int n = 3; n >= 2 && english == null; n--) {
                if (i + n <= words.size()) {
                    english = phrases.get(String.join(" ", words.subList(i, i + n)));
                    taken = n;
                }
            }
            if (english == null) {
                String w = words.get(i);
                taken = 1;
                english = single.get(w);
                if (english != null && i >= EARLY && EARLY_ONLY.contains(w)
                        && QUESTION_WORDS.contains(english.split("\\+")[0])) {
                    english = null; // "el partido que ganó": a conjunction, not a question word
                }
                if (english == null && language.equals("de")) {
                    english = compoundHead(w);
                }
                if (english == null) {
                    english = w;
                }
            }
            out.addAll(List.of(english.split("[+ ]")));
            i += taken;
        }
        return out;
    }

    /** A German compound read by its last known noun: "sachschaden" cost, "ticketpreise" price. */
    private static String compoundHead(String word) {
        for (int cut = 1; cut <= word.length() - MIN_COMPOUND_PART; cut++) {
            String english = NOUNS_DE.get(word.substring(cut));
            if (english != null) {
                return english;
            }
        }
        return null;
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new HashMap<>(b);
        m.putAll(a);
        return Map.copyOf(m);
    }

    private static Map<String, String> words(String pairs) {
        String[] t = pairs.trim().split("\\s+");
        if (t.length % 2 != 0) {
            throw new IllegalStateException("odd word table at " + t[t.length - 1]);
        }
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i + 1 < t.length; i += 2) {
            m.putIfAbsent(t[i], t[i + 1]);
        }
        return Map.copyOf(m);
    }
}
