/**
 * The desk-phone simulator: a headless SIP phone for demos and tests ("Desk-phone mode", part 3).
 *
 * <h2>What it is</h2>
 * A {@link io.switchboard.deskphone.DeskPhone} is one line: a sip-stack
 * {@link io.switchboard.sip.client.SipUserAgent} registered (and kept registered) with a proxy, and
 * media-module audio for every call — a {@link io.switchboard.media.audio.ToneSource} at the phone's
 * own frequency as its microphone and a listening sink as its speaker, so a test or a demo can ask
 * what each call hears ({@link io.switchboard.deskphone.Hearing}: dominant frequency by Goertzel,
 * RMS level). No sound card is ever opened.
 *
 * <h2>Incoming calls</h2>
 * A call rings until answered through the API or the HTTP control, unless the
 * {@link io.switchboard.deskphone.AutoAnswerPolicy} answers it: {@code ALWAYS}, or
 * {@code WHEN_ASKED} (default) when the INVITE carries {@code Call-Info: <sip:domain>;answer-after=N}
 * (answered after N s) or {@code Alert-Info: <...>;info=alert-autoanswer | auto-answer} (at once) —
 * how the server's CTI gateway (third-party call control, RFC 3725) makes the phone go off-hook.
 * Its first offer is {@code a=inactive} at a dummy port 9: the phone answers it inactive and reports
 * the call CONNECTED; the gateway's later re-INVITEs re-point the audio (sendrecv starts it, a
 * sendonly or inactive offer shows the call HELD, another address moves it). A CANCEL ends a
 * ringing call; a BYE a connected one.
 *
 * <h2>Driving it</h2>
 * <ul>
 *   <li>Java: {@code DeskPhone.start(DeskPhoneConfig.of(line, password, proxy).withTone(440), mediaEngine)},
 *       then {@code dial}, {@code answer}, {@code hangUp}, {@code hold}, {@code resume},
 *       {@code sendDigits} (RFC 4733), {@code status()} and {@code addListener}.</li>
 *   <li>HTTP on 127.0.0.1 ({@link io.switchboard.deskphone.DeskPhoneControl}): {@code GET /status},
 *       {@code POST /answer}, {@code /hangup}, {@code /dial?to=bob@example.com}, {@code /hold},
 *       {@code /resume}, {@code /digits?d=123}.</li>
 *   <li>Command line ({@link io.switchboard.deskphone.DeskPhoneMain}):
 *       {@code java -jar deskphone/target/switchboard-deskphone.jar --user alice --password demo
 *       --domain example.com --proxy 127.0.0.1:5060;transport=tcp --control-port 0 --tone-hz 440
 *       --auto-answer when-asked}; prints the control URL, runs until killed.</li>
 *   <li>The demo: {@link io.switchboard.deskphone.DeskPhones#startForUsers} starts one phone (and
 *       control) per user, each with its own tone.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * As in the user agent: SIP state on its protocol thread, the phone's state under one lock, and
 * listeners called one at a time on one serial event executor (the user agent's).
 */
package io.switchboard.deskphone;
