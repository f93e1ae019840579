package io.switchboard.app.settings;

/** The two AtlantaFX looks the user can switch between. */
public enum Theme {
    LIGHT, DARK;

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
