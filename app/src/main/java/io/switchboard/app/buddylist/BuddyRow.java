package io.switchboard.app.buddylist;

/**
 * One line of the buddy list: a group header or a contact within a group. The list is flat
 * (headers interleaved with their members) so one virtualised {@code ListView} shows it.
 */
public sealed interface BuddyRow permits GroupRow, ContactRow {

    /** The group this row is, or belongs to. */
    String group();

    /** What a screen reader says for the row. */
    String accessibleText();
}
