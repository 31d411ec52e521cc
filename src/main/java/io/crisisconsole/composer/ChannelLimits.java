package io.crisisconsole.composer;

import io.crisisconsole.playbooks.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The length limit of every channel, as data with its source and the date it was checked: the
 * bundled {@code channel-limits.yaml}, optionally overridden entry by entry by a file the PR lead
 * edits ({@link #load(Path)}). Read strictly: unknown keys, duplicate keys or channels, anchors and
 * aliases, files over {@value #MAX_BYTES} bytes are refused with line and column. Immutable.
 */
public final class ChannelLimits {

    /** Limit files are at most 64 KiB. */
    public static final int MAX_BYTES = 64 * 1024;
    /** Where the bundled limits are, on the class path. */
    public static final String RESOURCE = "/io/crisisconsole/composer/channel-limits.yaml";

    /** How a limit is counted. */
    public enum Unit {
        /** twitter-text weighted length (X). */
        WEIGHTED,
        /** Unicode code points. */
        CHARACTERS,
        /** SMS message parts. */
        SEGMENTS,
        /** No limit. */
        NONE;

        static Unit parse(String s) {
            for (Unit u : values()) {
                if (u.name().equalsIgnoreCase(s)) {
                    return u;
                }
            }
            return null;
        }
    }

    /**
     * One channel's limit.
     *
     * @param limit 0 for none; for {@link Unit#SEGMENTS} a number of SMS parts
     */
    public record Limit(Channel channel, int limit, Unit unit, String source, LocalDate checked) {
    }

    record FileEntry(String channel, Integer limit, String unit, String source, LocalDate checked) {
    }

    record LimitsFile(Integer format, List<FileEntry> limits) {
    }

    private static final ChannelLimits BUNDLED = loadBundled();

    private final Map<Channel, Limit> limits;

    private ChannelLimits(Map<Channel, Limit> limits) {
        this.limits = Collections.unmodifiableMap(new EnumMap<>(limits));
    }

    /** The limits that come with the app. */
    public static ChannelLimits bundled() {
        return BUNDLED;
    }

    /** The bundled limits with every entry of {@code file} in place of the bundled one of its channel. */
    public static ChannelLimits load(Path file) {
        String text = StrictInput.readFile(file, MAX_BYTES);
        return parse(file.toString(), text, BUNDLED.limits);
    }

    /** Like {@link #load(Path)}, from text; {@code name} is only used in problems. */
    public static ChannelLimits parse(String name, String yaml) {
        return parse(name, yaml, BUNDLED.limits);
    }

    private static ChannelLimits loadBundled() {
        try (InputStream in = ChannelLimits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            ChannelLimits l = parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.of());
            for (Channel c : Channel.values()) {
                if (!l.limits.containsKey(c)) {
                    throw new IllegalStateException(RESOURCE + ": no limit for " + c.yamlName());
                }
            }
            return l;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChannelLimits parse(String name, String yaml, Map<Channel, Limit> base) {
        if (yaml.length() > MAX_BYTES) {
            throw new ComposerInputException(name, 1, 1, "the file is over " + MAX_BYTES + " bytes");
        }
        LimitsFile f = StrictInput.yaml(name, yaml, LimitsFile.class);
        if (f.format() == null || f.format() != 1) {
            throw new ComposerInputException(name, 1, 1, "format: expected 1");
        }
        if (f.limits() == null || f.limits().isEmpty()) {
            throw new ComposerInputException(name, 1, 1, "limits: at least one entry is needed");
        }
        Map<Channel, Limit> out = new EnumMap<>(Channel.class);
        out.putAll(base);
        Map<Channel, Integer> seen = new EnumMap<>(Channel.class);
        for (int i = 0; i < f.limits().size(); i++) {
            FileEntry e = f.limits().get(i);
            String at = "limits[" + i + "]";
            if (e == null || e.channel() == null || e.limit() == null || e.unit() == null || e.source() == null
                    || e.checked() == null) {
                throw new ComposerInputException(name, 1, 1, at + ": channel, limit, unit, source and checked are all needed");
            }
            Channel c;
            try {
                c = Channel.fromYaml(e.channel());
            } catch (IllegalArgumentException ex) {
                throw new ComposerInputException(name, 1, 1, at + ".channel: " + ex.getMessage());
            }
            Integer first = seen.putIfAbsent(c, i);
            if (first != null) {
                throw new ComposerInputException(name, 1, 1, at + ".channel: '" + e.channel()
                        + "' is listed twice (first at limits[" + first + "])");
            }
            Unit unit = Unit.parse(e.unit());
            if (unit == null) {
                throw new ComposerInputException(name, 1, 1, at + ".unit: unknown unit '" + e.unit()
                        + "' (one of weighted, characters, segments, none)");
            }
            if (e.limit() < 0 || e.limit() > 1_000_000 || (unit == Unit.SEGMENTS && e.limit() > 255)) {
                throw new ComposerInputException(name, 1, 1, at + ".limit: " + e.limit() + " is out of range");
            }
            if (unit == Unit.NONE && e.limit() != 0) {
                throw new ComposerInputException(name, 1, 1, at + ".limit: unit none needs limit 0");
            }
            if ((unit == Unit.WEIGHTED) != (c == Channel.X) || (unit == Unit.SEGMENTS) != (c == Channel.SMS)) {
                throw new ComposerInputException(name, 1, 1, at + ".unit: " + e.unit() + " does not fit "
                        + c.yamlName() + " (weighted is for x, segments for sms)");
            }
            if (e.source().isBlank()) {
                throw new ComposerInputException(name, 1, 1, at + ".source: say where the limit comes from");
            }
            out.put(c, new Limit(c, e.limit(), unit, e.source().strip(), e.checked()));
        }
        return new ChannelLimits(out);
    }

    /** The limit of a channel (every channel has one; limit 0 when none). */
    public Limit get(Channel channel) {
        Limit l = limits.get(channel);
        return l != null ? l : new Limit(channel, 0, Unit.NONE, "not listed", null);
    }

    /** Every channel's limit, in channel order. */
    public List<Limit> all() {
        return List.copyOf(limits.values());
    }
}
