package dev.newsbrief.terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Readline-style input with editing and history, for a person at a terminal. */
public final class JLineSource implements LineSource {
    private final Terminal terminal;
    private final LineReader reader;

    private JLineSource(Terminal terminal) {
        this.terminal = terminal;
        this.reader = LineReaderBuilder.builder().terminal(terminal).appName("newsbrief").build();
    }

    /** A JLine reader on the system terminal. */
    public static JLineSource open() {
        try {
            return new JLineSource(TerminalBuilder.builder().system(true).build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (EndOfFileException | UserInterruptException e) {
            return null; // Ctrl-D or Ctrl-C ends the chat
        }
    }

    @Override
    public boolean interactive() {
        return true;
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException e) {
            // nothing left to do with a terminal that will not close
        }
    }
}
