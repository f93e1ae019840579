package io.switchboard.app.chat;

/** What the view model asks of the conversation window. */
public enum WindowRequest {
    /** The user asked for a conversation: show the window, bring it to front and focus it. */
    SHOW_AND_FOCUS,
    /** A message opened a tab by itself: show the window if hidden, but never steal focus. */
    SHOW_IN_BACKGROUND
}
