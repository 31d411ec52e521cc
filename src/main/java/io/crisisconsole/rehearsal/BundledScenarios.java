package io.crisisconsole.rehearsal;

import io.crisisconsole.playbooks.BundledPlaybooks;
import java.util.List;

/**
 * The scenarios that come with the app: every {@code *.yaml} of {@code playbooks/scenarios/}, one
 * per bundled playbook (and the service-outage one in every language), named {@code ID.LANGUAGE.yaml}.
 * Listed like the bundled playbooks, so a new file needs no code change.
 */
public final class BundledScenarios {

    static final String FOLDER = "io/crisisconsole/playbooks/scenarios/";

    private BundledScenarios() {
    }

    /** Every bundled scenario file, by name (e.g. {@code service-outage.en.yaml}) and text. */
    public static List<BundledPlaybooks.Bundled> list() {
        return BundledPlaybooks.listFolder(FOLDER);
    }

    /** The text of a bundled file below the scenarios folder (a replay's export: {@code exports/...}), or null. */
    public static byte[] resource(String relative) {
        return BundledPlaybooks.resource(FOLDER + relative);
    }
}
