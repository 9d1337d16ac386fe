/**
 * Ask: turning what a person types into a Lucene query and the passages it finds into a short,
 * cited {@link dev.newsbrief.brief.Briefing}. It owns query understanding (phrases, exclusions,
 * recency words, question words, typo fallback; never Lucene's QueryParser), passage retrieval
 * with BM25 and article grouping, lead-sentence selection with MMR redundancy removal, paging
 * ("More"), and the Telegram-HTML, plain-text and JSON renderings of a briefing, including the
 * public Telegram HTML escaping and safe-splitting helpers other packages reuse.
 */
package dev.newsbrief.brief;
