package dev.newsbrief.brief;

/** What kind of answer a question asks for, as classic question-answering systems classify it. */
public enum AnswerType {
    /** A person's name ("who is the governor of..."). */
    PERSON,
    /** A company, bank, union, agency, newspaper... */
    ORGANIZATION,
    /** An amount of money ("how much did it pay"). */
    MONEY,
    /** A count or quantity ("how many shares", "how much ore"). */
    NUMBER,
    /** A percentage or rate ("what stake", "by how much did prices rise"). */
    PERCENT,
    /** A date, day, month, year or time ("when", "until when"). */
    DATE,
    /** A country, city, region or site ("where"). */
    PLACE,
    /** A score or vote tally ("what was the vote", "what score"). */
    SCORE,
    /** The name of a thing: a product, a rating, a symbol, a code ("what is the name of..."). */
    THING
}
