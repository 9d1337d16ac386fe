/**
 * Stories: the articles that report the same news. At ingest each article joins a story or
 * starts one ({@link dev.newsbrief.stories.StoryClusterer}): MinHash signatures and an LSH band
 * index ({@link dev.newsbrief.stories.MinHash}, {@code BandIndex}) find candidates within a time
 * window, and {@link dev.newsbrief.stories.StoryMatcher} confirms them by shingle containment and
 * agreeing facts. {@link dev.newsbrief.stories.StoryStore} owns the {@code stories} and
 * {@code story_members} tables and answers what alerts, briefings and stats ask about stories.
 */
package dev.newsbrief.stories;
