package io.switchboard.media;

import io.switchboard.media.audio.PcmSink;
import io.switchboard.media.audio.PcmSource;
import io.switchboard.media.rtp.LibJitsiRuntime;
import io.switchboard.media.rtp.RtpAudioSession;
import io.switchboard.media.rtp.RtpPortAllocator;

import java.net.InetAddress;

/**
 * The media facade: one per process, made by the composition root, closed on exit. Opens an
 * audio session per call, each bound to its own RTP/RTCP port pair before the SDP offer or
 * answer is written (the SDP must name the port).
 */
public final class MediaEngine implements AutoCloseable {

    private final LibJitsiRuntime runtime;
    private final RtpPortAllocator ports;

    private MediaEngine(LibJitsiRuntime runtime, RtpPortAllocator ports) {
        this.runtime = runtime;
        this.ports = ports;
    }

    /**
     * Starts libjitsi (about a second the first time: it loads its codecs and native libraries).
     *
     * @throws MediaException if libjitsi does not start
     */
    public static MediaEngine start(MediaSettings settings) throws MediaException {
        return new MediaEngine(LibJitsiRuntime.start(settings), new RtpPortAllocator(settings.ports()));
    }

    /**
     * Binds a port pair on the local address the SDP will name and prepares a stream that sends
     * what {@code source} produces and hands what it receives to {@code sink}. Nothing is sent
     * before {@link AudioSession#start(NegotiatedAudio)}. The session owns the source and sink:
     * closing it closes those that are {@link AutoCloseable} (a microphone, a speaker).
     *
     * @throws MediaException if no port pair is free
     */
    public AudioSession openAudio(InetAddress localAddress, PcmSource source, PcmSink sink) throws MediaException {
        return new RtpAudioSession(runtime, ports.bind(localAddress), source, sink);
    }

    @Override
    public void close() {
        runtime.close();
    }
}
