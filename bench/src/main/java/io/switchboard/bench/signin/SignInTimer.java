package io.switchboard.bench.signin;

/** One way of signing a user in and timing it until the roster is usable. */
public interface SignInTimer {

    /** Signs in once, from a fresh connection, and signs out again. */
    SignIn signInOnce() throws Exception;

    /** Which client was measured, for the report. */
    String client();

    /** @param rosterItems contacts the client had when the roster was usable; @param millis connect to usable roster */
    record SignIn(int rosterItems, double millis) {
    }
}
