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
