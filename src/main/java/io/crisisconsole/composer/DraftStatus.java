package io.crisisconsole.composer;

/** Where a draft is in its review. Published is per channel (see {@link DraftPublication}). Stored by name. */
public enum DraftStatus {
    DRAFT("Draft"), IN_REVIEW("In review"), APPROVED("Approved");

    private final String label;

    DraftStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
