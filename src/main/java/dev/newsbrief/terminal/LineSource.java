package dev.newsbrief.terminal;

/** Where the terminal chat reads lines from. */
public interface LineSource extends AutoCloseable {
    /** The next line, or null at end of input. */
    String readLine(String prompt);

    /** Whether a person is typing (prompts are shown) rather than a pipe feeding lines. */
    boolean interactive();

    @Override
    void close();
}
