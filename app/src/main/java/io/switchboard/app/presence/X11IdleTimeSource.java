package io.switchboard.app.presence;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Structure;
import com.sun.jna.platform.unix.X11;

import java.time.Duration;
import java.util.Optional;

/** Linux/X11: the MIT screen-saver extension (libXss) knows the idle time of the display. */
public final class X11IdleTimeSource implements IdleTimeSource {

    /** The part of libXss we need. */
    interface Xss extends Library {
        XScreenSaverInfo XScreenSaverAllocInfo();

        int XScreenSaverQueryInfo(X11.Display display, X11.Drawable drawable, XScreenSaverInfo info);
    }

    /** XScreenSaverInfo from X11/extensions/scrnsaver.h. */
    @Structure.FieldOrder({"window", "state", "kind", "tilOrSince", "idle", "eventMask"})
    public static class XScreenSaverInfo extends Structure {
        public X11.Window window;
        public int state;
        public int kind;
        public NativeLong tilOrSince;
        public NativeLong idle;
        public NativeLong eventMask;
    }

    private final X11 x11;
    private final Xss xss;
    private final X11.Display display;

    private X11IdleTimeSource(X11 x11, Xss xss, X11.Display display) {
        this.x11 = x11;
        this.xss = xss;
        this.display = display;
    }

    /** Empty when there is no X display or libX11/libXss do not load. */
    public static Optional<IdleTimeSource> open(String displayVariable) {
        if (displayVariable == null || displayVariable.isBlank()) {
            return Optional.empty();
        }
        try {
            X11 x11 = X11.INSTANCE;
            Xss xss = Native.load("Xss", Xss.class);
            X11.Display display = x11.XOpenDisplay(null);
            if (display == null) {
                return Optional.empty();
            }
            X11IdleTimeSource source = new X11IdleTimeSource(x11, xss, display);
            return source.idleTime().isPresent() ? Optional.of(source) : Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized Optional<Duration> idleTime() {
        XScreenSaverInfo info = xss.XScreenSaverAllocInfo();
        if (info == null) {
            return Optional.empty();
        }
        try {
            if (xss.XScreenSaverQueryInfo(display, x11.XDefaultRootWindow(display), info) == 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(info.idle.longValue()));
        } finally {
            x11.XFree(info.getPointer());
        }
    }

    @Override
    public String description() {
        return "X11 screen-saver idle time (libXss)";
    }
}
