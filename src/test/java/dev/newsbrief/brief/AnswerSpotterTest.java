package dev.newsbrief.brief;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerSpotterTest {
    private final AnswerSpotter spotter = new AnswerSpotter(Places.load());

    private List<String> found(String text, AnswerType type, double minStrength) {
        return found(text, null, type, minStrength);
    }

    private List<String> found(String text, String language, AnswerType type, double minStrength) {
        return spotter.spot(text, language).stream().filter(m -> m.type() == type && m.strength() >= minStrength)
                .map(m -> text.substring(m.start(), m.end())).toList();
    }

    @Test
    void amountsOfMoneyInNewsWording() {
        String s = "It paid 2.3 billion dlrs, or 4.20 N.Z. Dlrs a share, plus $15 mln and a 9.2p dividend.";
        assertThat(found(s, AnswerType.MONEY, 1)).contains("2.3 billion dlrs", "$15 mln", "9.2p")
                .anyMatch(m -> m.startsWith("4.20"));
    }

    @Test
    void percentagesAreNotAlsoCounts() {
        String s = "Its stake rose to 52 pct from 44 pct, a margin of 20 basis points.";
        assertThat(found(s, AnswerType.PERCENT, 1)).contains("52 pct", "44 pct", "20 basis points");
        assertThat(found(s, AnswerType.NUMBER, 0)).isEmpty();
    }

    @Test
    void countsKeepTheirNoun() {
        assertThat(found("It bought an extra 9.4 mln shares at 3.80.", AnswerType.NUMBER, 1))
                .anyMatch(m -> m.startsWith("9.4 mln shares"));
    }

    @Test
    void calendarDatesBeatWeekdaysAndTheReportingDay() {
        String s = "The company said on Monday the offer expires on Tuesday April 28, 1987.";
        assertThat(found(s, AnswerType.DATE, 1)).anyMatch(m -> m.contains("April 28"));
        assertThat(spotter.spot(s).stream().filter(m -> m.type() == AnswerType.DATE
                && s.substring(m.start(), m.end()).equals("Monday"))).allMatch(m -> m.strength() < 0.5);
    }

    @Test
    void tallies() {
        assertThat(found("The Senate voted 99 to 0 for the bill.", AnswerType.SCORE, 1)).containsExactly("99 to 0");
        assertThat(found("Prices ranged from 1,750 to 1,780 dlrs.", AnswerType.SCORE, 0)).isEmpty();
    }

    @Test
    void namesByTheirCues() {
        String s = "Commerce Secretary Malcolm Baldrige met executives of <Rainbow Corp Ltd> and Chemical Bank in Tokyo.";
        assertThat(found(s, AnswerType.PERSON, 1)).contains("Malcolm Baldrige");
        assertThat(found(s, AnswerType.ORGANIZATION, 1)).contains("Rainbow Corp Ltd", "Chemical Bank");
        assertThat(found(s, AnswerType.PLACE, 1)).contains("Tokyo");
    }

    @Test
    void codesAndRatings() {
        assertThat(found("The issue is rated A-3 by Moody's and BB-minus by S and P.", AnswerType.THING, 0.8))
                .contains("A-3", "BB-minus");
    }

    @Test
    void moneyPercentagesAndCountsWithDecimalCommasAndLocalWords() {
        String de = "Der Umsatz lag bei 64,2 Mrd. Euro, der Auftragsbestand bei 5,7 Milliarden Euro. Die Preise "
                + "steigen um 12,7 Prozent, der Dow fiel um 0,68%. Im Lager leben 190.000 Flüchtlinge, der "
                + "Schaden beträgt 80'000 Franken.";
        assertThat(found(de, AnswerType.MONEY, 1)).contains("64,2 Mrd. Euro", "5,7 Milliarden Euro", "80'000 Franken");
        assertThat(found(de, AnswerType.PERCENT, 1)).contains("12,7 Prozent", "0,68%");
        assertThat(found(de, AnswerType.NUMBER, 1)).anyMatch(m -> m.startsWith("190.000 Flüchtlinge"))
                .noneMatch(m -> m.equals("64") || m.equals("12"));
        String pt = "O governo liberou R$ 5 bilhões, e a inflação subiu 3,5 por cento; 6.402 pessoas votaram.";
        assertThat(found(pt, AnswerType.MONEY, 1)).contains("R$ 5 bilhões");
        assertThat(found(pt, AnswerType.PERCENT, 1)).contains("3,5 por cento");
        assertThat(found(pt, AnswerType.NUMBER, 1)).anyMatch(m -> m.startsWith("6.402 pessoas"));
    }

    @Test
    void datesInGermanSpanishPortugueseAndFrench() {
        assertThat(found("Das Zentrum wurde am 18. Oktober 2021 eröffnet, die WM läuft vom 14. bis 30. Juli 2023.",
                AnswerType.DATE, 1)).contains("18. Oktober 2021", "14. bis 30. Juli 2023");
        assertThat(found("El plebiscito será el 4 de septiembre de 2022.", AnswerType.DATE, 1))
                .contains("4 de septiembre de 2022");
        assertThat(found("A reunião foi em 10 de novembro, disse o ministro ontem.", AnswerType.DATE, 0.5))
                .contains("10 de novembro", "ontem");
        assertThat(found("Le sommet aura lieu le 1er avril 2024.", AnswerType.DATE, 1)).contains("1er avril 2024");
        // English text keeps its dates as before, and "Mars" is a planet
        assertThat(found("The rover landed on Mars in May 2021.", AnswerType.DATE, 0)).containsExactly("May 2021");
    }

    @Test
    void namesWithAccentedCapitalsAndLocalRoles() {
        String s = "Der Norweger Marius Lindvik gewann, sagte Trainer Álvaro Ruiz.";
        assertThat(found(s, AnswerType.PERSON, 1)).contains("Álvaro Ruiz");
        assertThat(found(s, AnswerType.PERSON, 0)).anyMatch(m -> m.endsWith("Marius Lindvik"))
                .noneMatch(m -> m.startsWith("Der"));
        assertThat(found("O presidente Jair Bolsonaro disse que vai vetar.", AnswerType.PERSON, 1))
                .contains("Jair Bolsonaro");
    }

    @Test
    void germanPlacesAfterARoutesEndsOrAnAdjective() {
        assertThat(found("Die A6 war zwischen Brügg und Lyss gesperrt.", "de", AnswerType.PLACE, 0.6)).contains("Brügg");
        assertThat(found("Start ist um 17 Uhr im deutschen Rothenburg.", "de", AnswerType.PLACE, 0.6))
                .contains("Rothenburg");
        assertThat(found("Das Spiel fand in der Arena Nord statt.", "de", AnswerType.PLACE, 0.6)).contains("Arena Nord");
        assertThat(found("El tramo entre Lima y Cusco sigue cerrado.", "es", AnswerType.PLACE, 0.6))
                .anyMatch(m -> m.startsWith("Lima"));
        // English text is read as before: these cues are other languages'
        assertThat(found("Start ist um 17 Uhr im deutschen Rothenburg.", "en", AnswerType.PLACE, 0.6)).isEmpty();
    }

    @Test
    void aLoneCapitalisedGermanNounIsAWeakName() {
        String s = "Die Macher stellen auf ihrer Internetseite auch Fotos bereit.";
        double english = strongest(spotter.spot(s), s, "Internetseite", AnswerType.PLACE);
        double german = strongest(spotter.spot(s, "de"), s, "Internetseite", AnswerType.PLACE);
        assertThat(german).isPositive().isLessThan(english / 2);
        // cues still tell a name in German: a role, a known place, two capitalised words
        assertThat(spotter.spot("Es sprach Ministerin Raab.", "de")).anyMatch(m -> m.type() == AnswerType.PERSON
                && m.strength() >= 1);
        assertThat(spotter.spot("Das Rudel lebt in Südtirol.", "de")).anyMatch(m -> m.type() == AnswerType.PLACE
                && m.strength() >= 0.6);
    }

    @Test
    void inGermanOrSpanishTheWordBeforeACommaAndSaidEndsAQuoteAndIsNoSpeaker() {
        String de = "Das sei ein wichtiger Schritt, sagte die Ministerin.";
        assertThat(found(de, "de", AnswerType.PERSON, 1)).doesNotContain("Schritt");
        assertThat(found("No hay Motivo, dijo Pérez.", "es", AnswerType.PERSON, 1)).containsExactly("Pérez");
        // the speaker before the verb is still one, and English "X, said" reads as before
        assertThat(found("Müller sagte, er komme nicht.", "de", AnswerType.PERSON, 1)).contains("Müller");
        assertThat(found(de, AnswerType.PERSON, 1)).contains("Schritt");
    }

    @Test
    void countsWrittenInWordsInOtherLanguages() {
        assertThat(found("Bei der WM holte sie vier Medaillen.", "de", AnswerType.NUMBER, 1)).contains("vier Medaillen");
        assertThat(found("Es gilt ein Abstand von einem Meter.", "de", AnswerType.NUMBER, 0.5)).contains("einem Meter");
        assertThat(found("Das siebenköpfige Rudel zog weiter.", "de", AnswerType.NUMBER, 1)).contains("siebenköpfige");
        assertThat(found("La Antártida es dos veces más grande.", "es", AnswerType.NUMBER, 1)).contains("dos veces");
        // the article before a noun that measures nothing counts nothing; English reads as before
        assertThat(found("Das war ein Erfolg.", "de", AnswerType.NUMBER, 0)).isEmpty();
        assertThat(found("He said it once more.", "en", AnswerType.NUMBER, 0)).isEmpty();
    }

    private static double strongest(List<AnswerSpotter.Mention> mentions, String text, String phrase, AnswerType type) {
        return mentions.stream().filter(m -> m.type() == type && text.substring(m.start(), m.end()).equals(phrase))
                .mapToDouble(AnswerSpotter.Mention::strength).max().orElse(0);
    }
}
