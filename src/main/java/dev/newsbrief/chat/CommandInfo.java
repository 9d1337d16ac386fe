package dev.newsbrief.chat;

/** A command as listed in a front end's menu: name without slash, and one line of description. */
public record CommandInfo(String name, String description) {}
