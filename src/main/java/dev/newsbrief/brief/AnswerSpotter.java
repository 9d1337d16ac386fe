package dev.newsbrief.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the phrases in a sentence that could answer a question of each {@link AnswerType}: amounts
 * of money, percentages, counts, dates, vote tallies, and names of people, organisations, places
 * and things. Patterns and capitalisation cues only (no trained model), tuned to news wording
 * ("2.3 billion dlrs", "52 pct", "Commerce Secretary Malcolm Baldrige", "&lt;Rainbow Corp Ltd&gt;").
 * A phrase may count for several types (a bare capitalised name may be a person or a firm); each
 * mention carries how sure the match is. Thread-safe.
 */
final class AnswerSpotter {
    /** A phrase of the sentence that could answer a question of {@code type}; {@code strength} in (0, 1]. */
    record Mention(AnswerType type, int start, int end, double strength) {
    }

    static final String NUM_WORD = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|a dozen|dozen";
    private static final String NUMBER = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:-\\d+/\\d+)?|(?:" + NUM_WORD + ")";
    private static final String SCALE = "(?:\\s+(?:mln|million|billion|bln|billions|trillion|thousand|hundred|mlns))?";
    private static final String CURRENCY = "(?:(?:u\\.s\\.|h\\.k\\.|n\\.z\\.|canadian|australian|swiss|hong kong|"
            + "singapore|new zealand|u\\.s|us)\\s+)?(?:dlrs?|dollars?|cts|cents?|stg|sterling|pounds?|marks?|"
            + "francs?|yen|lire|lira|guilders?|pesetas?|riyals?|rupees?|cruzados?|australs?|pesos?|crowns?|kronor|"
            + "kroner|schillings?|dinars?|naira|rand|yuan|won|baht|ringgit|rupiah|ecus?|euros?|escudos?|drachmas?|"
            + "shekels?|zlotys?|roubles?|rubles?|dirhams?)\\b";
    private static final Pattern MONEY = Pattern.compile("(?i)(?:[$\u00A3\u20AC\u00A5]\\s?(?:" + NUMBER + ")" + SCALE
            + ")|(?:\\b(?:" + NUMBER + ")" + SCALE + "\\s*(?:" + CURRENCY + "))|(?:\\b\\d+(?:\\.\\d+)?p\\b)");
    private static final Pattern PERCENT = Pattern.compile("(?i)\\b(?:" + NUMBER + ")\\s*(?:pct|percent|per cent|"
            + "percentage points?|basis points?|points?)\\b|\\b\\d+(?:\\.\\d+)?\\s?%");
    private static final Pattern COUNT = Pattern.compile("(?i)\\b(?:" + NUMBER + ")" + SCALE
            + "(?:\\s+(?:[a-z]+(?:-[a-z]+)?))?");
    private static final Pattern SCORE = Pattern.compile("(?i)\\b\\d[\\d,]*\\s*(?:to|-)\\s*\\d[\\d,]*\\b");
    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
            + "aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final Pattern DATE = Pattern.compile("(?i)\\b(?:" + MONTH + "(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?"
            + "(?:,?\\s+(?:19|20)\\d\\d)?|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            + "(?:,?\\s+" + MONTH + "\\s+\\d{1,2})?|(?:19|20)\\d\\d(?:/\\d\\d)?|today|yesterday|tomorrow|tonight|"
            + "(?:last|next|this|early|late|mid|end of)[- ](?:week|month|year|quarter|summer|spring|autumn|winter|"
            + "fall|decade)|(?:summer|spring|autumn|winter|fall) of (?:19|20)\\d\\d|in \\d+ (?:days|weeks|months|years)|"
            + "(?:first|second|third|fourth) quarter|\\d{1,2}[.:]\\d\\d\\s?(?:a\\.?m\\.?|p\\.?m\\.?|gmt|edt|est|hrs)|"
            + "\\d{4}\\s?(?:hrs|gmt|edt|est))\\b");
    /**
     * Numbers as German, Spanish, Portuguese and French write them: "190.000", "80'000", "3,58",
     * "1.234,5" (thousands with a period or an apostrophe, decimals with a comma).
     */
    private static final String LOCAL_NUMBER = "(?:\\d{1,3}(?:[.'\u2019]\\d{3})+(?:,\\d+)?|\\d+,\\d+)";
    private static final String ANY_NUMBER = "(?:" + LOCAL_NUMBER + "|\\d+(?:\\.\\d+)?)";
    private static final String LOCAL_SCALE = "(?:\\s+(?:mio\\.?|mrd\\.?|millionen|million|milliarden|milliarde|"
            + "tsd\\.?|millones|millón|mil millones|milhões|milhão|bilhões|bilhão|mil|bi|mi|millions?|milliards?))?";
    private static final String LOCAL_CURRENCY = "(?:euro|euros|us-dollars?|dollars?|franken|fr\\.|chf|pfund|reais|"
            + "real|soles|bolívares|colones|quetzales|libras|rublos|rubel|yen|yuan|pesos|eur|usd)\\b";
    private static final Pattern LOCAL_MONEY = Pattern.compile("(?iU)(?:(?:r\\$|us\\$|[$\u00A3\u20AC])\\s?"
            + ANY_NUMBER + LOCAL_SCALE + ")|(?:\\b" + ANY_NUMBER + LOCAL_SCALE + "\\s*" + LOCAL_CURRENCY + ")");
    private static final Pattern LOCAL_PERCENT = Pattern.compile("(?iU)\\b" + ANY_NUMBER + "\\s*(?:prozentpunkte|"
            + "prozent|por ciento|por cento|pour cent|pontos percentuais|puntos porcentuales|%)");
    private static final Pattern LOCAL_COUNT = Pattern.compile("(?iU)\\b" + LOCAL_NUMBER + LOCAL_SCALE
            + "(?:\\s+\\p{L}+)?");
    /** Month names of German, Spanish, Portuguese and French that are not English words. */
    static final String LOCAL_MONTH = "(?:januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|enero|"
            + "febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|janeiro|"
            + "fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|janvier|février|avril|juin|"
            + "juillet|août|septembre|octobre|novembre|décembre)";
    private static final String ANY_MONTH = "(?:" + LOCAL_MONTH + "|april|august|september|november|mars)";
    /** Weekdays and "today", "yesterday", "tomorrow" of German, Spanish, Portuguese and French. */
    static final String LOCAL_DAYS = "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|"
            + "miércoles|jueves|viernes|sábado|domingo|segunda-feira|terça-feira|quarta-feira|quinta-feira|"
            + "sexta-feira|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|heute|gestern|hoy|ayer|mañana|hoje|"
            + "ontem|amanhã|aujourd'hui|demain";
    /**
     * Dates as they are written in those languages: "18. Oktober 2021", "4 de septiembre de 2022",
     * "1er avril", a month alone ("im Mai"), weekdays and "heute", "ayer", "amanhã".
     */
    private static final Pattern LOCAL_DATE = Pattern.compile("(?iU)\\b(?:\\d{1,2}\\.?\\s*(?:(?:bis|und|-|–)\\s*"
            + "\\d{1,2}\\.\\s*)?" + ANY_MONTH + "(?:\\s+(?:19|20)\\d\\d)?|\\d{1,2}(?:º|er)?\\s+de\\s+" + ANY_MONTH
            + "(?:\\s+de\\s+(?:19|20)\\d\\d)?|\\d{1,2}(?:er)?\\s+" + ANY_MONTH + "(?:\\s+(?:19|20)\\d\\d)?|"
            + LOCAL_MONTH + "(?:\\s+(?:de\\s+)?(?:19|20)\\d\\d)?|" + LOCAL_DAYS + ")\\b");
    /** Capitalised words (with initials, hyphens, apostrophes), possibly joined by a few lower-case particles. */
    private static final Pattern NAME = Pattern.compile("(?:\\p{Lu}[\\p{L}'\u2019.-]*[\\p{L}.]|\\p{Lu}\\.)"
            + "(?:\\s+(?:(?:de|van|von|der|del|da|di|la|le|al|bin|ibn|and|a|of|y|dos|do)\\s+)?"
            + "(?:\\p{Lu}[\\p{L}'\u2019.&-]*[\\p{L}.]|\\p{Lu}\\.|&))*");
    /** A reporting verb shortly before a weekday: "said on Friday", "announced a tour on Friday". */
    private static final Pattern REPORTED = Pattern.compile("(?i)\\b(?:said|says|announced|announces|told|reported|"
            + "added|stated|disclosed)\\b[^.;]*\\bon\\s+$");
    private static final Pattern WEEKDAY = Pattern.compile("monday|tuesday|wednesday|thursday|friday|saturday|sunday");
    private static final Pattern RELATIVE = Pattern.compile("today|yesterday|tomorrow|tonight|last|next|this|early|"
            + "late|mid|end of|in \\d+");
    private static final Pattern CALENDAR = Pattern.compile("(?:monday|tuesday|wednesday|thursday|friday|saturday|"
            + "sunday|january|february|march|april|may|june|july|august|september|october|november|december|"
            + "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?");
    private static final Pattern ANGLED = Pattern.compile("<([^<>]{2,80})>");
    private static final Pattern CODE = Pattern.compile("\\b(?:[A-Z]{1,4}-(?:\\d+|[A-Z]+|minus|plus)|[A-Z]{2,6}\\d*"
            + "|[A-Z][a-z]+ \\d+(?:-\\d+)+)\\b");
    // the patterns names() and its helpers apply to every name they look at, compiled once
    // (String.matches, split and replaceAll with these would compile them at each call)
    private static final Pattern ENDS_WITH_INITIAL = Pattern.compile(".*\\b[A-Z]\\.$");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SPACES_OR_COMMAS = Pattern.compile("[\\s,]+");
    private static final Pattern NOT_WORD_LETTER = Pattern.compile("[^\\p{L}']");
    private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}]");
    private static final Pattern FINAL_STOP = Pattern.compile("[.,]$");
    private static final Pattern PLACE_CUE = Pattern.compile("(?s).*\\b(in|at|near|from|off|of|to|based in|across|"
            + "im|bei|nach|aus|en|em|dans|desde)\\s+(the\\s+)?$");
    private static final Pattern QUOTED = Pattern.compile("[\"\u201C]([^\"\u201D]{2,40})[\"\u201D]");

    private static final Set<String> ORG_WORDS = Set.of("corp", "corporation", "inc", "co", "cos", "ltd", "plc",
            "sa", "ag", "nv", "spa", "bv", "gmbh", "ab", "bank", "banks", "group", "association", "union",
            "organization", "organisation", "council", "committee", "commission", "department", "ministry", "agency",
            "exchange", "board", "fund", "securities", "brothers", "bros", "partners", "industries", "holdings",
            "international", "trust", "capital", "investors", "airlines", "airways", "motors", "petroleum", "oil",
            "steel", "chemical", "chemicals", "insurance", "enterprises", "systems", "technologies", "communications",
            "services", "daily", "times", "news", "post", "journal", "radio", "television", "institute", "office",
            "service", "court", "congress", "senate", "house", "parliament", "party", "federation", "bureau",
            "authority", "company", "corp.", "inc.", "co.", "ltd.", "electric", "mining", "energy", "resources",
            "financial", "savings", "reserve", "treasury", "foundation", "university", "press", "sachs", "lynch",
            "stanley", "boston", "lehman", "hutton", "burnham", "peabody",
            // German, Spanish, Portuguese, French
            "se", "kg", "konzern", "verband", "partei", "ministerium", "bundesamt", "gewerkschaft", "zeitung",
            "ltda", "s.a.", "partido", "ministerio", "ministério", "banco", "grupo", "universidad", "universidade",
            "universität", "confederación", "confederação", "sindicato", "asociación", "associação", "fundación",
            "fundação", "stiftung", "instituto", "tribunal", "comisión", "comissão", "agencia", "agência", "empresa",
            "compañía", "companhia", "société", "banque", "groupe", "gericht", "bundestag", "congreso", "congresso",
            "senado");
    private static final Set<String> ORG_KINDS = Set.of("daily", "newspaper", "paper", "weekly", "magazine", "agency",
            "company", "firm", "bank", "group", "broker", "brokers", "underwriter", "underwriters", "subsidiary",
            "unit", "union", "airline", "insurer", "consortium", "exchange", "partnership", "firms", "banks",
            "zeitung", "konzern", "unternehmen", "firma", "partei", "periódico", "diario", "jornal", "empresa",
            "banco", "grupo", "agencia", "agência", "journal", "société", "entreprise");
    private static final Set<String> ROLE_WORDS = Set.of("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen",
            "president", "chairman", "chairwoman", "minister", "secretary", "governor", "spokesman", "spokeswoman",
            "director", "executive", "officer", "chief", "negotiator", "adviser", "advisor", "economist", "analyst",
            "commissioner", "ambassador", "justice", "judge", "senator", "congressman", "leader", "head", "founder",
            "owner", "manager", "premier", "chancellor", "mayor", "king", "queen", "prince", "financier", "investor",
            "trader", "representative", "treasurer", "vice", "deputy", "general", "said", "says", "told", "added",
            "physician", "magnate", "president's", "led", "headed", "by",
            // German, Spanish, Portuguese, French
            "präsident", "präsidentin", "ministerin", "chef", "chefin", "sprecher", "sprecherin", "trainer",
            "kanzler", "kanzlerin", "bundeskanzler", "bürgermeister", "geschäftsführer", "vorstandschef",
            "konzernchef", "direktor", "direktorin", "sagte", "sagt", "erklärte", "presidente", "presidenta",
            "ministro", "ministra", "directora", "alcalde", "alcaldesa", "portavoz", "dijo", "afirmó", "declaró",
            "disse", "afirmou", "declarou", "prefeito", "prefeita", "governador", "governadora", "diretor",
            "diretora", "secretário", "secretária", "deputado", "senador", "jogador", "técnico", "président",
            "présidente", "ministre", "maire", "directeur", "dit", "déclaré", "sr", "sra", "herr", "frau");
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "In", "On", "At", "It", "He", "She",
            "They", "We", "I", "This", "That", "These", "Those", "But", "And", "Or", "For", "If", "As", "Its", "His",
            "Her", "Their", "There", "However", "Meanwhile", "REUTER", "Reuter", "Reuters", "U.S.", "U.K.", "Mln",
            "Dlrs", "Pct", "Shr", "Net", "Revs", "Qtr",
            // sentence openers of German, Spanish, Portuguese and French
            "Der", "Die", "Das", "Ein", "Eine", "Im", "Am", "Auch", "Er", "Sie", "Es", "Wie", "Nach", "Bei", "Mit",
            "El", "La", "Los", "Las", "Un", "Una", "En", "O", "Os", "Em", "No", "Na", "Le", "Les", "Il",
            "Elle", "Une", "Dans");

    /**
     * Place cues of other languages the English ones miss: a route's ends ("zwischen Brügg und
     * Lyss", "entre Lima y Cusco"), and a German preposition with an article or an adjective
     * before the name ("in der Schweiz", "im deutschen Rothenburg").
     */
    private static final Pattern LOCAL_PLACE_CUE = Pattern.compile("(?U)(?:\\b(?:[Zz]wischen|[Ee]ntre)\\s+"
            + "|\\b(?:[Ii]n|[Ii]m|[Bb]ei|[Nn]ach|[Aa]us)\\s+(?:(?:der|dem|den)\\s+|(?:(?:der|dem|den)\\s+)?"
            + "\\p{Ll}+(?:en|em)\\s+))$");
    /**
     * Counts written in words in German, Spanish, Portuguese and French, with the word counted
     * ("vier Medaillen", "dos veces", "três pessoas"); German's indefinite article counts only a
     * measure ("einem Meter", "eine Stunde"); German also joins a number to an adjective
     * ("siebenköpfige", "dreijährige").
     */
    private static final Pattern LOCAL_WORD_COUNT = Pattern.compile("(?iU)\\b(?:(?:zwei|drei|vier|fünf|sechs|"
            + "sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend|dos|tres|cuatro|cinco|seis|siete|ocho|"
            + "nueve|diez|once|doce|veinte|treinta|cien|dois|duas|três|quatro|sete|oito|nove|dez|onze|doze|vinte|"
            + "trinta|deux|trois|quatre|cinq|sept|huit|neuf|douze|vingt|trente)\\s+\\p{L}+"
            + "|(ein|eine|einem|einen|einer)\\s+(?:meter|kilometer|zentimeter|stunde|tag|woche|monat|jahr|jahrzehnt|"
            + "minute|sekunde|grad|liter|kilo|kilogramm|tonne|million|milliarde)\\b"
            + "|(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|hundert)(?:köpfig|jährig|"
            + "tägig|stündig|wöchig|monatig|fach|stöckig|teilig)\\p{L}*)");
    /** Languages whose reported speech names the speaker after the verb ("…, sagte Müller", "…, dijo Pérez"). */
    private static final Set<String> SPEAKER_AFTER_VERB = Set.of("de", "es", "pt", "fr", "it");
    /** The speech verbs among {@link #ROLE_WORDS} of those languages. */
    private static final Set<String> SPEECH_VERBS = Set.of("sagte", "sagt", "erklärte", "dijo", "afirmó", "declaró",
            "disse", "afirmou", "declarou", "dit", "déclaré");
    /** Languages that capitalise every noun, so that a capital alone hardly marks a name. */
    private static final Set<String> CAPITALISED_NOUNS = Set.of("de", "lb");
    /** What a lone capitalised word without cue keeps of its name strength in such a language. */
    private static final double LONE_NOUN = 0.25;
    private final Set<String> places;

    AnswerSpotter(Set<String> places) {
        this.places = places;
    }

    /** Every mention in {@code text}, in no particular order, read as English capitalises. */
    List<Mention> spot(String text) {
        return spot(text, null);
    }

    /**
     * Every mention in {@code text}, written in {@code language} (null when unknown), in no
     * particular order. In a language that capitalises every noun (German), a lone capitalised
     * word with no cue ("Internetseite", "Teilnehmer") is far weaker evidence of a name than in
     * English.
     */
    List<Mention> spot(String text, String language) {
        return spot(text, language, SpotPlan.ALL);
    }

    /**
     * The mentions of {@code types} in {@code text} (written in {@code language}, null when
     * unknown), in no particular order: the same as {@link #spot(String, String)} finds of them,
     * scanning only for what they need ({@link SpotPlan}).
     */
    List<Mention> spot(String text, String language, Set<AnswerType> types) {
        SpotPlan plan = SpotPlan.of(text, types);
        List<Mention> out = new ArrayList<>();
        add(out, SpotPlan.matcher(MONEY, text, plan.money()), AnswerType.MONEY, 1.0);
        addNew(out, SpotPlan.matcher(LOCAL_MONEY, text, plan.localMoney()), AnswerType.MONEY);
        add(out, SpotPlan.matcher(PERCENT, text, plan.percent()), AnswerType.PERCENT, 1.0);
        addNew(out, SpotPlan.matcher(LOCAL_PERCENT, text, plan.localPercent()), AnswerType.PERCENT);
        Matcher date = SpotPlan.matcher(DATE, text, plan.date());
        while (date.find()) {
            out.add(new Mention(AnswerType.DATE, date.start(), date.end(), dateStrength(text, date.start(), date.end())));
        }
        Matcher local = SpotPlan.matcher(LOCAL_DATE, text, plan.localDate());
        while (local.find()) {
            // a day and a month ("18. Oktober") is a calendar date; a month or a weekday alone less so
            addNew(out, AnswerType.DATE, local.start(), local.end(), Character.isDigit(local.group().charAt(0)) ? 1 : 0.6);
        }
        Matcher score = SpotPlan.matcher(SCORE, text, plan.score());
        while (score.find()) {
            // "1,750 to 1,780 dlrs" is a range of money, not a tally
            if (!overlaps(out, score.start(), score.end(), AnswerType.MONEY)
                    && !overlaps(out, score.start(), score.end(), AnswerType.PERCENT)) {
                out.add(new Mention(AnswerType.SCORE, score.start(), score.end(), 1.0));
            }
        }
        Matcher count = SpotPlan.matcher(COUNT, text, plan.count());
        while (count.find()) {
            // a number inside an amount, a percentage, a date or a tally is not a count of its own
            if (!overlaps(out, count.start(), count.end(), null)) {
                out.add(new Mention(AnswerType.NUMBER, count.start(), count.end(), 1.0));
            }
        }
        Matcher localCount = SpotPlan.matcher(LOCAL_COUNT, text, plan.localCount());
        while (localCount.find()) {
            // "190.000 Flüchtlinge", "3,5 Millionen": English counts stop at the period or the comma
            int start = localCount.start();
            int end = localCount.end();
            if (!overlaps(out, start, end, AnswerType.MONEY) && !overlaps(out, start, end, AnswerType.PERCENT)
                    && !overlaps(out, start, end, AnswerType.DATE) && !overlaps(out, start, end, AnswerType.SCORE)) {
                out.removeIf(m -> m.type() == AnswerType.NUMBER && m.start() >= start && m.end() <= end);
                if (!overlaps(out, start, end, AnswerType.NUMBER)) {
                    out.add(new Mention(AnswerType.NUMBER, start, end, 1.0));
                }
            }
        }
        if (language != null && !language.equals("en") && !language.equals("und")) {
            Matcher spelled = SpotPlan.matcher(LOCAL_WORD_COUNT, text, plan.wordCount());
            while (spelled.find()) {
                // "vier Medaillen", "dos veces", "einem Meter", "siebenköpfige": counts written in words
                if (!overlaps(out, spelled.start(), spelled.end(), null)) {
                    boolean article = spelled.group(1) != null && spelled.group(1).toLowerCase(Locale.ROOT).startsWith("ein");
                    out.add(new Mention(AnswerType.NUMBER, spelled.start(), spelled.end(), article ? 0.7 : 1.0));
                }
            }
        }
        if (plan.names()) {
            names(text, language, out);
        }
        Matcher angled = SpotPlan.matcher(ANGLED, text, plan.angled());
        while (angled.find()) {
            out.add(new Mention(AnswerType.ORGANIZATION, angled.start(1), angled.end(1), 1.0));
        }
        add(out, SpotPlan.matcher(CODE, text, plan.things()), AnswerType.THING, 0.8);
        Matcher quoted = SpotPlan.matcher(QUOTED, text, plan.things());
        while (quoted.find()) {
            out.add(new Mention(AnswerType.THING, quoted.start(1), quoted.end(1), 0.6));
        }
        if (types.size() < AnswerType.values().length) {
            out.removeIf(m -> !types.contains(m.type()));
        }
        return out;
    }

    /**
     * How good an answer to "when" a date is: a calendar date ("December 12", "March 1, 1990")
     * beats a year, a weekday or a relative date ("this year"); the weekday a story was reported
     * ("said on Monday", "announced ... on Friday") is seldom what a question asks.
     */
    private static double dateStrength(String text, int start, int end) {
        String d = text.substring(start, end).toLowerCase(java.util.Locale.ROOT);
        if (WEEKDAY.matcher(d).matches()) {
            String before = text.substring(Math.max(0, start - 45), start);
            return REPORTED.matcher(before).find() ? 0.3 : 0.6;
        }
        if (Character.isDigit(d.charAt(0)) && d.length() <= 7) {
            return 0.8; // a year, "1987/88"
        }
        if (RELATIVE.matcher(d).find()) {
            return 0.5;
        }
        return 1.0;
    }

    /**
     * Capitalised sequences as people, organisations, places and things: an organisation word
     * ("Corp", "Bank") makes it a firm, a known place a place, a role word before or after it
     * ("Chairman X", "X, president of", "X said") a person; two or more capitalised words without
     * such cues may be a person or a firm.
     */
    private void names(String text, String language, List<Mention> out) {
        double lone = language != null && CAPITALISED_NOUNS.contains(language) ? LONE_NOUN : 1.0;
        boolean speakerAfterVerb = language != null && SPEAKER_AFTER_VERB.contains(language);
        boolean local = language != null && !language.equals("en") && !language.equals("und");
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            String name = text.substring(start, end);
            while (name.endsWith(".") && !ENDS_WITH_INITIAL.matcher(name).matches()) {
                name = name.substring(0, name.length() - 1);
                end--;
            }
            String[] words = SPACES.split(name);
            // a sentence-initial opener, a month, a lone "U.S." carry no name
            int skip = 0;
            while (skip < words.length && NOT_NAMES.contains(words[skip])) {
                start += words[skip].length() + 1;
                skip++;
            }
            if (skip == words.length || start >= end) {
                continue;
            }
            // a title written with the name ("Commerce Secretary Malcolm Baldrige"): the person follows it
            boolean titled = false;
            for (int i = words.length - 2; i >= skip; i--) {
                String word = NOT_WORD_LETTER.matcher(words[i].toLowerCase(java.util.Locale.ROOT)).replaceAll("");
                if (ROLE_WORDS.contains(word)) {
                    for (int j = skip; j <= i; j++) {
                        start += words[j].length() + 1;
                    }
                    skip = i + 1;
                    titled = true;
                    break;
                }
            }
            String[] kept = java.util.Arrays.copyOfRange(words, skip, words.length);
            if (kept.length == 1 && CALENDAR.matcher(kept[0].toLowerCase(java.util.Locale.ROOT)).matches()) {
                continue; // "Monday", "March": dates, not names
            }
            String last = FINAL_STOP.matcher(kept[kept.length - 1].toLowerCase(java.util.Locale.ROOT)).replaceAll("");
            boolean org = false;
            for (String w : kept) {
                org |= ORG_WORDS.contains(FINAL_STOP.matcher(w.toLowerCase(java.util.Locale.ROOT)).replaceAll(""));
            }
            String phrase = String.join(" ", kept);
            if (kept.length == 1 && kept[0].toLowerCase(java.util.Locale.ROOT).endsWith("-based")) {
                // "the Saragossa-based plant": the place the thing is based in
                out.add(new Mention(AnswerType.PLACE, start, start + kept[0].length() - "-based".length(), 1.0));
                continue;
            }
            if (places.contains(phrase.toLowerCase(java.util.Locale.ROOT)) || places.contains(last)) {
                out.add(new Mention(AnswerType.PLACE, start, end, 1.0));
                out.add(new Mention(AnswerType.THING, start, end, 0.3));
                continue;
            }
            if (placeCue(text, start, local)) {
                out.add(new Mention(AnswerType.PLACE, start, end, org ? 0.3 : 0.6));
            }
            if (org || orgBefore(text, start)) {
                out.add(new Mention(AnswerType.ORGANIZATION, start, end, 1.0));
                out.add(new Mention(AnswerType.THING, start, end, 0.4));
                continue;
            }
            boolean role = titled || roleBefore(text, start) || roleAfter(text, end, speakerAfterVerb);
            if (kept.length >= 2 || role) {
                out.add(new Mention(AnswerType.PERSON, start, end, role ? 1.0 : 0.5));
                out.add(new Mention(AnswerType.ORGANIZATION, start, end, role ? 0.2 : 0.4));
            } else {
                out.add(new Mention(AnswerType.ORGANIZATION, start, end, 0.3 * lone));
                out.add(new Mention(AnswerType.PLACE, start, end, 0.2 * lone));
            }
            out.add(new Mention(AnswerType.THING, start, end, 0.5));
        }
    }

    private static boolean roleBefore(String text, int start) {
        String before = text.substring(Math.max(0, start - 40), start).toLowerCase(java.util.Locale.ROOT);
        String[] words = SPACES_OR_COMMAS.split(before.trim());
        for (int i = Math.max(0, words.length - 2); i < words.length; i++) {
            if (ROLE_WORDS.contains(NOT_WORD_LETTER.matcher(words[i]).replaceAll(""))) {
                return true;
            }
        }
        return false;
    }

    /** "the daily Al-Ittihad", "brokers Wood Gundy", "agency Tass": a kind of organisation names it. */
    private static boolean orgBefore(String text, int start) {
        String before = text.substring(Math.max(0, start - 25), start).toLowerCase(java.util.Locale.ROOT).strip();
        int space = before.lastIndexOf(' ');
        String word = NOT_LETTER.matcher(before.substring(space + 1)).replaceAll("");
        return ORG_KINDS.contains(word);
    }

    /**
     * Whether a role word follows the name within three words ("X, president of", "X said"). Where
     * reported speech puts the speaker after the verb ({@code speakerAfterVerb}: "Ein wichtiger
     * Schritt, sagte die Ministerin"), a speech verb after a comma ends a quote and names no one.
     */
    private static boolean roleAfter(String text, int end, boolean speakerAfterVerb) {
        String after = text.substring(end, Math.min(text.length(), end + 30)).toLowerCase(java.util.Locale.ROOT);
        String[] words = SPACES_OR_COMMAS.split(after.trim());
        for (int i = 0; i < Math.min(3, words.length); i++) {
            String w = NOT_WORD_LETTER.matcher(words[i]).replaceAll("");
            if (ROLE_WORDS.contains(w) && !w.equals("by")
                    && !(speakerAfterVerb && SPEECH_VERBS.contains(w) && after.indexOf(',') >= 0
                            && after.indexOf(',') < after.indexOf(w))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a preposition before {@code start} cues a place; {@code local}: with the other languages' cues. */
    private static boolean placeCue(String text, int start, boolean local) {
        String before = text.substring(Math.max(0, start - 12), start).toLowerCase(java.util.Locale.ROOT);
        return PLACE_CUE.matcher(before).matches()
                || local && LOCAL_PLACE_CUE.matcher(text.substring(Math.max(0, start - 30), start)).find();
    }

    /**
     * Mentions of {@code type} found by a pattern of the other languages: each replaces the English
     * mentions of that type it holds ("0,68%" for "68%", "18. Oktober 2021" for "2021") and is left
     * out where an English mention of the type overlaps it otherwise.
     */
    private static void addNew(List<Mention> out, Matcher m, AnswerType type) {
        while (m.find()) {
            addNew(out, type, m.start(), m.end(), 1.0);
        }
    }

    private static void addNew(List<Mention> out, AnswerType type, int start, int end, double strength) {
        out.removeIf(x -> x.type() == type && x.start() >= start && x.end() <= end
                && (x.start() > start || x.end() < end));
        if (!overlaps(out, start, end, type)) {
            out.add(new Mention(type, start, end, strength));
        }
    }

    private static void add(List<Mention> out, Matcher m, AnswerType type, double strength) {
        while (m.find()) {
            out.add(new Mention(type, m.start(), m.end(), strength));
        }
    }

    /** Whether a mention of {@code type} (any type when null) overlaps {@code [start, end)}. */
    private static boolean overlaps(List<Mention> mentions, int start, int end, AnswerType type) {
        for (Mention x : mentions) {
            if ((type == null || x.type() == type) && x.start() < end && start < x.end()) {
                return true;
            }
        }
        return false;
    }
}
