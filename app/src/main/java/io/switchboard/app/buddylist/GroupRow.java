package io.switchboard.app.buddylist;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableStringValue;

/** A group header: "Engineering (3/7)", collapsible. Counts cover all members, filtered or not. */
public final class GroupRow implements BuddyRow {

    private final String name;
    private final ReadOnlyIntegerWrapper online = new ReadOnlyIntegerWrapper(this, "online");
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(this, "total");
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", true);
    private final StringBinding title;
    private final StringBinding accessible;

    GroupRow(String name) {
        this.name = name;
        title = Bindings.createStringBinding(() -> name + " (" + online.get() + "/" + total.get() + ")", online, total);
        accessible = Bindings.createStringBinding(() -> name + " group, " + online.get() + " of " + total.get()
                + " online, " + (expanded.get() ? "expanded" : "collapsed"), online, total, expanded);
    }

    @Override
    public String group() {
        return name;
    }

    public String name() {
        return name;
    }

    /** "Engineering (3/7)": online / total. */
    public ObservableStringValue titleProperty() {
        return title;
    }

    public String getTitle() {
        return title.get();
    }

    public ReadOnlyIntegerProperty onlineProperty() {
        return online.getReadOnlyProperty();
    }

    public int getOnline() {
        return online.get();
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public int getTotal() {
        return total.get();
    }

    /** Read-only for the view: collapse and expand through the view model. */
    public javafx.beans.property.ReadOnlyBooleanProperty expandedProperty() {
        return expanded;
    }

    public boolean isExpanded() {
        return expanded.get();
    }

    void setExpanded(boolean value) {
        expanded.set(value);
    }

    void setCounts(int onlineCount, int totalCount) {
        online.set(onlineCount);
        total.set(totalCount);
    }

    @Override
    public String accessibleText() {
        return accessible.get();
    }

    public ObservableStringValue accessibleTextProperty() {
        return accessible;
    }

    @Override
    public String toString() {
        return "GroupRow[" + getTitle() + "]";
    }
}
