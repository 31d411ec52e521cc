package io.crisisconsole.bench;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One measured figure of a benchmark beside its target, printed as one line every benchmark shares:
 * {@code FIGURE <name> <value> <unit> target <= <target> <unit> PASS|MISS} (or {@code >=} for a
 * figure that must reach its target). {@link BenchSuite} reads these lines back from each
 * benchmark's output to make the table of the README.
 */
public record BenchFigure(String name, double value, String unit, Bound bound, double target) {

    /** Whether the value must stay at or under the target, or reach at least the target. */
    public enum Bound {
        AT_MOST("<="), AT_LEAST(">=");

        final String sign;

        Bound(String sign) {
            this.sign = sign;
        }

        static Bound of(String sign) {
            for (Bound b : values()) {
                if (b.sign.equals(sign)) {
                    return b;
                }
            }
            throw new IllegalArgumentException("no bound " + sign);
        }
    }

    private static final Pattern LINE = Pattern.compile(
            "FIGURE (\\S+) (-?[0-9.]+) (\\S+) target (<=|>=) (-?[0-9.]+) (\\S+) (PASS|MISS)");

    public BenchFigure {
        if (!name.matches("[a-z0-9.\\-]+")) {
            throw new IllegalArgumentException("a figure's name is lower-case words joined by dots or dashes: " + name);
        }
        if (unit.isBlank() || unit.contains(" ")) {
            throw new IllegalArgumentException("a unit is one word: '" + unit + "'");
        }
    }

    public static BenchFigure atMost(String name, double value, String unit, double target) {
        return new BenchFigure(name, value, unit, Bound.AT_MOST, target);
    }

    public static BenchFigure atLeast(String name, double value, String unit, double target) {
        return new BenchFigure(name, value, unit, Bound.AT_LEAST, target);
    }

    public boolean passes() {
        return bound == Bound.AT_MOST ? value <= target : value >= target;
    }

    /** The line as printed; the value with two decimals under 10, one under 100, none above. */
    public String line() {
        return String.format(Locale.ROOT, "FIGURE %s %s %s target %s %s %s %s", name, number(value), unit, bound.sign,
                number(target), unit, passes() ? "PASS" : "MISS");
    }

    /** Prints the line on standard output and returns the figure. */
    public BenchFigure print() {
        System.out.println(line());
        return this;
    }

    /** The figure a line of output holds, if it is a figure line. */
    public static Optional<BenchFigure> parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches() || !m.group(3).equals(m.group(6))) {
            return Optional.empty();
        }
        return Optional.of(new BenchFigure(m.group(1), Double.parseDouble(m.group(2)), m.group(3), Bound.of(m.group(4)),
                Double.parseDouble(m.group(5))));
    }

    static String number(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a < 10 ? "%.2f" : a < 100 ? "%.1f" : "%.0f", v);
    }
}
