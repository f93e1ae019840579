package io.switchboard.core.model;

/** Chat state notifications (XEP-0085): lets the UI show "is typing". */
public enum ChatState {
    ACTIVE, COMPOSING, PAUSED, INACTIVE, GONE
}
