package io.switchboard.app.settings;

/** How the buddy list orders contacts within a group. */
public enum SortOrder {
    BY_NAME, BY_AVAILABILITY
}
