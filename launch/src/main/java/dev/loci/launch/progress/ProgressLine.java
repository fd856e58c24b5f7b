package dev.loci.launch.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Live progress of the long phase running now, on one console. On a terminal it is one line redrawn in place
 * (at most every {@link #REDRAW}), cleared and drawn again around the lines printed through {@link #say}. When
 * the output is not a terminal (CI logs, pipes) it is a plain line at most every {@code plainEvery} of wall time
 * and none for a phase shorter than that: never a line per update. Updates are cheap when nothing is drawn (the
 * detail is only formatted when drawn), so a simulation may call {@link #update} every step.
 *
 * <p>The one writer of its stream while a phase runs; not for use from several threads.
 */
public final class ProgressLine {
    /** How progress shows. */
    public enum Mode {
        /** One line redrawn in place with carriage returns. */
        TERMINAL,
        /** Periodic plain lines, for logs. */
        PLAIN,
        /** Only what {@link #say} prints. */
        OFF
    }

    /** Shortest wall time between two redraws of the terminal line. */
    public static final Duration REDRAW = Duration.ofMillis(100);
    /** Wall time between two plain progress lines by default. */
    public static final Duration PLAIN_EVERY = Duration.ofSeconds(15);
    private static final int BAR = 24;
    private static final String SPINNER = "|/-\\";

    private final PrintStream out;
    private final Mode mode;
    private final LongSupplier nanos;
    private final long plainEveryNanos;
    private String label;
    private long phaseStart;
    private long lastDrawn;
    private int drawnLength;
    private String lastLine = "";
    private int spin;

    public ProgressLine(PrintStream out, Mode mode, LongSupplier nanos, Duration plainEvery) {
        this.out = out;
        this.mode = mode;
        this.nanos = nanos;
        this.plainEveryNanos = plainEvery.toNanos();
    }

    /** Progress on {@code out}, shown the way its destination suits (see {@link #detect}). */
    public static ProgressLine on(PrintStream out) {
        return new ProgressLine(out, detect(System.getenv("LOCI_PROGRESS"), System.console() != null),
                System::nanoTime, PLAIN_EVERY);
    }

    /**
     * TERMINAL when the process has a terminal, PLAIN otherwise; the environment variable {@code LOCI_PROGRESS}
     * ({@code terminal}, {@code plain} or {@code off}) overrides.
     */
    public static Mode detect(String override, boolean terminal) {
        if (override != null && !override.isBlank()) {
            for (Mode m : Mode.values()) {
                if (m.name().equalsIgnoreCase(override.trim())) {
                    return m;
                }
            }
        }
        return terminal ? Mode.TERMINAL : Mode.PLAIN;
    }

    public Mode mode() {
        return mode;
    }

    /** Prints a line of its own, above the progress line. */
    public void say(String line) {
        clear();
        out.println(line);
        out.flush();
        if (label != null && mode == Mode.TERMINAL && !lastLine.isEmpty()) {
            draw(lastLine);
        }
    }

    /** A long phase begins; its progress line starts with {@code phaseLabel}. */
    public void start(String phaseLabel) {
        clear();
        label = phaseLabel;
        phaseStart = nanos.getAsLong();
        lastDrawn = phaseStart;
        lastLine = "";
    }

    /**
     * Where the phase is: {@code fraction} done in [0, 1], or NaN when the end is not known (a spinner then), and
     * what to say besides (only asked for when the line is drawn).
     */
    public void update(double fraction, Supplier<String> detail) {
        if (label == null || mode == Mode.OFF) {
            return;
        }
        long now = nanos.getAsLong();
        if (mode == Mode.TERMINAL) {
            if (now - lastDrawn < REDRAW.toNanos() && !lastLine.isEmpty()) {
                return;
            }
            lastDrawn = now;
            lastLine = line(fraction, detail.get(), now);
            draw(lastLine);
        } else if (now - lastDrawn >= plainEveryNanos) {
            lastDrawn = now;
            out.println(line(fraction, detail.get(), now));
            out.flush();
        }
    }

    /** The phase is over: the terminal line is cleared (the caller says how it went). */
    public void finish() {
        clear();
        label = null;
        lastLine = "";
    }

    private String line(double fraction, String detail, long now) {
        StringBuilder line = new StringBuilder(label).append(' ');
        if (Double.isNaN(fraction)) {
            line.append('[').append(SPINNER.charAt(spin++ % SPINNER.length())).append("] ");
        } else {
            double f = Math.max(0, Math.min(1, fraction));
            int full = (int) Math.round(f * BAR);
            line.append('[').append("#".repeat(full)).append("-".repeat(BAR - full)).append(']')
                    .append(String.format(Locale.ROOT, " %3.0f%% ", 100 * f));
        }
        line.append(detail).append(String.format(Locale.ROOT, "  (%.0f s)", (now - phaseStart) / 1e9));
        return line.toString();
    }

    private void draw(String line) {
        StringBuilder s = new StringBuilder("\r").append(line);
        if (line.length() < drawnLength) {
            s.append(" ".repeat(drawnLength - line.length())).append('\r').append(line);
        }
        out.print(s);
        out.flush();
        drawnLength = line.length();
    }

    private void clear() {
        if (mode == Mode.TERMINAL && drawnLength > 0) {
            out.print("\r" + " ".repeat(drawnLength) + "\r");
            drawnLength = 0;
        }
    }
}
