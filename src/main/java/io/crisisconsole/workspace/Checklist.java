package io.crisisconsole.workspace;

import java.time.Instant;
import java.util.List;

/** The checklist of a case: its playbook's HOW steps, in the playbook's order. */
public record Checklist(long caseId, String playbookTitle, List<ChecklistItem> items) {

    public Checklist {
        items = List.copyOf(items);
    }

    public long done() {
        return items.stream().filter(i -> i.state() == StepState.DONE).count();
    }

    public long skipped() {
        return items.stream().filter(i -> i.state() == StepState.SKIPPED).count();
    }

    public long late(Instant now) {
        return items.stream().filter(i -> i.late(now)).count();
    }

    /** The steps counted: done (of which late), skipped, open (of which past due at {@code now}). */
    public record Tally(int total, int done, int doneLate, int skipped, int open, int openLate) {
    }

    public Tally tally(Instant now) {
        int done = 0;
        int doneLate = 0;
        int skipped = 0;
        int open = 0;
        int openLate = 0;
        for (ChecklistItem i : items) {
            if (i.state() == StepState.DONE) {
                done++;
                if (i.doneLate()) {
                    doneLate++;
                }
            } else if (i.state() == StepState.SKIPPED) {
                skipped++;
            } else {
                open++;
                if (i.late(now)) {
                    openLate++;
                }
            }
        }
        return new Tally(items.size(), done, doneLate, skipped, open, openLate);
    }

    /** The required steps still open, which stop the case from being resolved. */
    public List<ChecklistItem> blocking() {
        return items.stream().filter(ChecklistItem::blocksResolving).toList();
    }

    /** The first open step by due time: what is next. */
    public java.util.Optional<ChecklistItem> next() {
        return items.stream().filter(i -> i.state() == StepState.OPEN)
                .min(java.util.Comparator.comparing(ChecklistItem::due));
    }
}
