package io.crisisconsole.cases;

import io.crisisconsole.toolkit.ValidationException;
import java.util.List;

/** A case that cannot be resolved yet: {@link #blockers()} says what is still open. */
public final class CaseCloseRefusedException extends ValidationException {

    private final transient List<String> blockers;

    public CaseCloseRefusedException(CaseStatus to, List<String> blockers) {
        super("status", "The case cannot be " + to.name().toLowerCase(java.util.Locale.ROOT) + " yet: "
                + String.join("; ", blockers) + ".");
        this.blockers = List.copyOf(blockers);
    }

    /** One sentence per thing still open. */
    public List<String> blockers() {
        return blockers;
    }
}
