package io.switchboard.server.cti;

/** How much CTI state one client, and all of them, may make the server hold. */
record CtiLimits(int sessionsPerUser, int sessions, int monitorsPerSession) {

    static final CtiLimits DEFAULTS = new CtiLimits(8, 20_000, 32);
}
