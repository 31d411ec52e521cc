package io.crisisconsole.app;

/** The areas of the main window's navigation. */
public enum Area {
    CASES("Cases", null),
    PLAYBOOKS("Playbooks", null),
    CONTACTS("Contacts", null),
    REHEARSAL("Rehearsal",
            "Run a playbook offline against scripted injects, with the clock running, before a real crisis does it for you."),
    REVIEWS("Reviews",
            "The post-crisis review of a case: timeline, response times against the SLAs, what went out where, "
                    + "and what to change in the playbook, exported for the team.");

    private final String title;
    private final String planned;

    Area(String title, String planned) {
        this.title = title;
        this.planned = planned;
    }

    public String title() {
        return title;
    }

    /** What the area will hold; {@code null} for areas that are built. */
    public String planned() {
        return planned;
    }
}
