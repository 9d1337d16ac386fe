package dev.newsbrief.core;

/**
 * One value of an options record is out of range. The record names its own component (a Java
 * name such as {@code port}); the configuration loader turns that into the setting and the file
 * line it came from, so a package never needs to know how its options are spelled in the config.
 */
public class OptionException extends NewsbriefException {
    private final String option;
    private final String problem;

    /**
     * @param option  the record component that is wrong, e.g. {@code port}
     * @param problem what is wrong, as a predicate: {@code must be between 0 and 65535 (got 70000)}
     */
    public OptionException(String option, String problem) {
        super(option + " " + problem);
        this.option = option;
        this.problem = problem;
    }

    public String option() {
        return option;
    }

    public String problem() {
        return problem;
    }
}
