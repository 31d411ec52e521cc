package io.crisisconsole.composer;

import java.util.List;

/** Every variant's count and every finding of one full check. */
public record CheckReport(List<ChannelCount> counts, List<Finding> findings) {

    public boolean clean() {
        return findings.isEmpty();
    }
}
