package io.switchboard.app.presence;

import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.User32;
import com.sun.jna.platform.win32.WinUser;

import java.time.Duration;
import java.util.Optional;

/** Windows: GetLastInputInfo gives the tick count of the last input of this session. */
public final class WindowsIdleTimeSource implements IdleTimeSource {

    @Override
    public Optional<Duration> idleTime() {
        WinUser.LASTINPUTINFO info = new WinUser.LASTINPUTINFO();
        if (!User32.INSTANCE.GetLastInputInfo(info)) {
            return Optional.empty();
        }
        // both are 32-bit millisecond tick counts that wrap after 49.7 days: subtract unsigned
        long idleMillis = Integer.toUnsignedLong(Kernel32.INSTANCE.GetTickCount() - info.dwTime);
        return Optional.of(Duration.ofMillis(idleMillis));
    }

    @Override
    public String description() {
        return "Windows last input time (GetLastInputInfo)";
    }
}
