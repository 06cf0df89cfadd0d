package io.thingbus.service;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** A logger that keeps what it is given, so a test can read the level, the line and the throwable of each call. */
final class RecordingLogger extends Logger {

    record Line(Level level, String text, Throwable thrown) {
    }

    private final List<Line> lines = new ArrayList<>();

    RecordingLogger() {
        super("test");
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    @Override
    public boolean isEnabled(Level level) {
        return true;
    }

    @Override
    protected void doLog(Level level, String loggerClassName, Object message, Object[] parameters, Throwable thrown) {
        String text = parameters == null ? String.valueOf(message) : MessageFormat.format(String.valueOf(message), parameters);
        lines.add(new Line(level, text, thrown));
    }

    @Override
    protected void doLogf(Level level, String loggerClassName, String format, Object[] parameters, Throwable thrown) {
        lines.add(new Line(level, String.format(format, parameters), thrown));
    }
}
