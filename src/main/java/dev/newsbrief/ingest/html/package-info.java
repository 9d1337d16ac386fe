/**
 * Main-text extraction from HTML, by content scoring in the family of Readability and trafilatura
 * rather than site rules. {@link dev.newsbrief.ingest.html.PageExtractor} is the entry point; it
 * reads a page once into a {@link dev.newsbrief.ingest.html.DomIndex} (so that every later step is
 * linear in the page), removes chrome under guards, scores candidate containers, cleans inside the
 * chosen article and writes its text out, loosening its rules when they leave too little text.
 * Hostile pages meet {@link dev.newsbrief.ingest.html.PageLimits}. Depends on jsoup and Jackson only.
 */
package dev.newsbrief.ingest.html;
