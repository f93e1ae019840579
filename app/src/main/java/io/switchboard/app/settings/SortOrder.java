package io.switchboard.app.settings;

/** How the buddy list orders contacts within a group; remembered between runs. */
public enum SortOrder {
    BY_NAME("Name"),
    /** Most reachable first, then by name. */
    BY_AVAILABILITY("Availability");

    private final String label;

    SortOrder(String label) {
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
