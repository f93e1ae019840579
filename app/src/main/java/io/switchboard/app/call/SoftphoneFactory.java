package io.switchboard.app.call;

import io.switchboard.media.MediaException;
import io.switchboard.media.SrtpPolicy;
import io.switchboard.media.device.AudioDevices;
import io.switchboard.media.sdp.AudioCapabilities;
import io.switchboard.sip.client.SipPhone;
import io.switchboard.sip.client.SipUserAgent;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Makes the softphone of a registered SIP account (a SIP/SIMPLE sign-in, or the phone line next to
 * an XMPP one): its SIP calls, RTP audio from the shared media
 * engine bound to the address the account's SIP stack uses, and call events on the session's own
 * event thread, like every other event of the session.
 */
public final class SoftphoneFactory {

    private final SharedMediaEngine media;
    private final Supplier<AudioDevices> sounds;
    private final Supplier<SrtpPolicy> srtpPolicy;
    private final AudioEndpoints endpoints;
    private final AudioCapabilities capabilities;
    private final Clock clock;

    /**
     * @param sounds where ringtones and ringback play
     * @param endpoints  each call's microphone and speaker
     * @param srtpPolicy the user's call encryption setting, read for every call
     */
    public SoftphoneFactory(SharedMediaEngine media, Supplier<AudioDevices> sounds, AudioEndpoints endpoints,
                            AudioCapabilities capabilities, Clock clock, Supplier<SrtpPolicy> srtpPolicy) {
        this.media = Objects.requireNonNull(media, "media");
        this.sounds = Objects.requireNonNull(sounds, "sounds");
        this.srtpPolicy = Objects.requireNonNull(srtpPolicy, "srtpPolicy");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Blocks while the media engine starts (the first time only): call it on a worker.
     *
     * @throws MediaException when the media engine cannot start or the local address is unusable
     */
    public SoftphoneCalls create(SipPhone phone) throws MediaException {
        SipUserAgent agent = phone.userAgent();
        String localHost = agent.context().settings().localHost();
        InetAddress local;
        try {
            local = InetAddress.getByName(localHost);
        } catch (UnknownHostException e) {
            throw new MediaException("the SIP stack's local address " + localHost + " is unusable for audio", e);
        }
        // SDES keys travel in the SDP: only over TLS, which the agent knows (and which follows failover)
        SoftphoneCalls calls = new SoftphoneCalls(agent.calls(), media.get(), endpoints, capabilities, local, clock,
                agent.context().events(), srtpPolicy, agent::signallingSecure);
        // ends with the calls: every call reports its end, which silences its sound
        calls.addListener(new CallSounds(sounds.get()));
        return calls;
    }
}
