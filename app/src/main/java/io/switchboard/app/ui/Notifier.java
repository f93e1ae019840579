package io.switchboard.app.ui;

/** Tells the user about something that happened while they looked elsewhere (a new message). */
public interface Notifier {

    /** Called on the UI thread. */
    void notify(String title, String text);
}
