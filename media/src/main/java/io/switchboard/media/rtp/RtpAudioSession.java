package io.switchboard.media.rtp;

import io.switchboard.media.AudioCodec;
import io.switchboard.media.AudioSession;
import io.switchboard.media.CallQuality;
import io.switchboard.media.MediaException;
import io.switchboard.media.MosEstimator;
import io.switchboard.media.NegotiatedAudio;
import io.switchboard.media.audio.PcmSink;
import io.switchboard.media.audio.PcmSource;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jitsi.impl.neomedia.device.AudioMixerMediaDevice;
import org.jitsi.service.neomedia.AudioMediaStream;
import org.jitsi.service.neomedia.DTMFMethod;
import org.jitsi.service.neomedia.DTMFTone;
import org.jitsi.service.neomedia.MediaService;
import org.jitsi.service.neomedia.MediaStream;
import org.jitsi.service.neomedia.MediaStreamStats;
import org.jitsi.service.neomedia.MediaStreamTarget;
import org.jitsi.service.neomedia.StreamConnector;
import org.jitsi.service.neomedia.event.DTMFListener;
import org.jitsi.service.neomedia.event.DTMFToneEvent;
import org.jitsi.service.neomedia.format.MediaFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An {@link AudioSession} on a libjitsi {@link AudioMediaStream}. */
public final class RtpAudioSession implements AudioSession {

    private static final Logger LOG = LoggerFactory.getLogger(RtpAudioSession.class);
    /** RFC 4733 2.5.1.3: at least 40 ms; phones and IVRs expect ~100 ms per digit. */
    private static final int DTMF_MIN_MILLIS = 100;
    private static final int DTMF_MAX_MILLIS = -1;
    /** RFC 4733 2.3.4: power level in -dBm0, 10 is a usual value. */
    private static final int DTMF_VOLUME = 10;

    private final MediaService mediaService;
    private final AudioMediaStream stream;
    private final StreamConnector connector;
    private final RtpPortAllocator.RtpSockets sockets;
    private final InetSocketAddress localRtp;
    private final PcmSource source;
    private final PcmSink sink;
    private final List<Consumer<Character>> dtmfListeners = new CopyOnWriteArrayList<>();
    private final SdesSrtpControl srtp = new SdesSrtpControl();
    private NegotiatedAudio negotiated;
    private boolean closed;
    /** When the stream was made: libjitsi realizes its processor in the background from then on. */
    private final long createdNanos = System.nanoTime();
    /**
     * How long a new stream's processor may still be realizing. A format set while it realizes is
     * refused ("Processor is in state 200") and the stream then never sends — seen in CI when a
     * call started the moment its session was opened (a loopback auto-answer, the tests).
     */
    private static final long REALIZE_MILLIS = 500;

    public RtpAudioSession(LibJitsiRuntime runtime, RtpPortAllocator.RtpSockets sockets, PcmSource source, PcmSink sink) {
        this.mediaService = runtime.mediaService();
        this.sockets = sockets;
        this.connector = sockets.connector();
        this.source = source;
        this.sink = sink;
        AudioMixerMediaDevice device = new AudioMixerMediaDevice(new SourceAudioDevice(source));
        device.setReceiveStreamBufferListener(new SinkBridge(sink));
        this.localRtp = new InetSocketAddress(connector.getDataSocket().getLocalAddress(),
                connector.getDataSocket().getLocalPort());
        // always with our SRTP stage: it stays plain until the SDP brings keys
        MediaStream created = mediaService.createMediaStream(connector, device, srtp);
        this.stream = (AudioMediaStream) created;
        stream.setName("audio " + localRtp.getPort());
        stream.addDTMFListener(new DtmfRelay());
    }

    @Override
    public InetSocketAddress localRtp() {
        return localRtp;
    }

    @Override
    public synchronized void start(NegotiatedAudio next) throws MediaException {
        if (closed) {
            throw new MediaException("The call's audio was already closed");
        }
        if (negotiated == null) {
            awaitProcessorRealized();
        }
        if (negotiated == null || !sameFormats(negotiated, next)) {
            applyFormats(next);
        }
        // keys before the target: the first packet to the new peer is already encrypted
        if (srtp.getTransformEngine().apply(next.srtp())) {
            LOG.info("Audio {} {}", localRtp.getPort(), next.srtp()
                    .map(keys -> "encrypted with SRTP " + keys.suite() + " (new keys)")
                    .orElse("not encrypted (plain RTP)"));
        }
        sockets.acceptOnlyFrom(next.remoteRtp(), next.remoteRtcp());
        stream.setTarget(new MediaStreamTarget(next.remoteRtp(), next.remoteRtcp()));
        stream.setDirection(direction(next.direction()));
        negotiated = next;
        if (!stream.isStarted()) {
            stream.start();
            LOG.info("Audio {} started: {} pt {} to {}, {}", localRtp.getPort(), next.codec(), next.payloadType(),
                    next.remoteRtp(), next.direction());
        } else {
            LOG.info("Audio {} renegotiated: {} pt {} to {}, {}", localRtp.getPort(), next.codec(), next.payloadType(),
                    next.remoteRtp(), next.direction());
        }
    }

    private void awaitProcessorRealized() {
        long waitedMillis = (System.nanoTime() - createdNanos) / 1_000_000;
        if (waitedMillis < REALIZE_MILLIS) {
            java.util.concurrent.locks.LockSupport.parkNanos((REALIZE_MILLIS - waitedMillis) * 1_000_000);
        }
    }

    private static boolean sameFormats(NegotiatedAudio a, NegotiatedAudio b) {
        return a.codec() == b.codec() && a.payloadType() == b.payloadType()
                && a.telephoneEvent().equals(b.telephoneEvent());
    }

    private void applyFormats(NegotiatedAudio next) throws MediaException {
        MediaFormat format = format(next.codec());
        if (format == null) {
            throw new MediaException(next.codec() + " is not available in this build of the media engine");
        }
        stream.clearDynamicRTPPayloadTypes();
        stream.addDynamicRTPPayloadType((byte) next.payloadType(), format);
        if (next.telephoneEvent().isPresent()) {
            MediaFormat events = mediaService.getFormatFactory().createMediaFormat("telephone-event", 8000);
            stream.addDynamicRTPPayloadType((byte) next.telephoneEvent().getAsInt(), events);
        }
        stream.setFormat(format);
    }

    private MediaFormat format(AudioCodec codec) {
        // libjitsi knows Opus only as 48000/2 (RFC 7587's SDP form)
        return mediaService.getFormatFactory().createMediaFormat(codec.encodingName(), codec.clockRate(),
                codec.channels());
    }

    private static org.jitsi.service.neomedia.MediaDirection direction(io.switchboard.media.MediaDirection ours) {
        return switch (ours) {
            case SENDRECV -> org.jitsi.service.neomedia.MediaDirection.SENDRECV;
            case SENDONLY -> org.jitsi.service.neomedia.MediaDirection.SENDONLY;
            case RECVONLY -> org.jitsi.service.neomedia.MediaDirection.RECVONLY;
            case INACTIVE -> org.jitsi.service.neomedia.MediaDirection.INACTIVE;
        };
    }

    @Override
    public synchronized void setMuted(boolean muted) {
        stream.setMute(muted);
    }

    @Override
    public synchronized boolean isMuted() {
        return stream.isMute();
    }

    @Override
    public synchronized void sendDtmf(char digit) {
        DTMFTone tone = DTMFTone.getDTMFTone(String.valueOf(digit).toUpperCase(java.util.Locale.ROOT));
        if (tone == null) {
            throw new IllegalArgumentException("Not a DTMF digit: '" + digit + "'");
        }
        if (negotiated == null || negotiated.telephoneEvent().isEmpty()) {
            throw new IllegalStateException("The peer did not accept RFC 4733 telephone events");
        }
        // the engine keeps sending the digit for at least DTMF_MIN_MILLIS after the stop
        stream.startSendingDTMF(tone, DTMFMethod.RTP_DTMF, DTMF_MIN_MILLIS, DTMF_MAX_MILLIS, DTMF_VOLUME);
        stream.stopSendingDTMF(DTMFMethod.RTP_DTMF);
    }

    @Override
    public void onDtmf(Consumer<Character> listener) {
        dtmfListeners.add(listener);
    }

    @Override
    public synchronized CallQuality quality() {
        MediaStreamStats stats = stream.getMediaStreamStats();
        stats.updateStats();
        double loss = stats.getDownloadPercentLoss();
        double jitter = stats.getDownloadJitterMs();
        long rtt = roundTripMillis(stats, stream.getLocalSourceID());
        AudioCodec codec = negotiated == null ? AudioCodec.PCMU : negotiated.codec();
        return new CallQuality(loss, jitter, rtt, stats.getNbPacketsReceived(),
                MosEstimator.estimate(codec, loss, jitter, rtt));
    }

    /** RTCP sender and receiver reports received and understood so far (after SRTCP, if any). */
    synchronized int rtcpReportsReceived() {
        return stream.getMediaStreamStats().getRTCPReports().getReceivedRTCPReports().length;
    }

    /** From the peer's reports of our sender reports (see RoundTrip); -1 before the first. */
    private static long roundTripMillis(MediaStreamStats stats, long localSsrc) {
        return RoundTrip.millis(stats.getRTCPReports(), localSsrc);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stream.stop();
            stream.close();
        } catch (RuntimeException | javax.media.MediaError e) {
            // JMF refuses to deallocate a processor that is still starting (a call hung up the
            // moment it connected): the call is over all the same, and its sockets go below
            LOG.warn("Audio {}: the media engine did not stop cleanly: {}", localRtp.getPort(), e.toString());
        } finally {
            // libjitsi's close leaves the sockets it was given open; the range would run dry
            connector.close();
            closeOwned(source);
            closeOwned(sink);
        }
        LOG.info("Audio {} closed ({} datagrams from strangers dropped)", localRtp.getPort(), sockets.dropped());
    }

    /** A source or sink that holds a device (a microphone, a speaker) is the session's to release. */
    private static void closeOwned(Object endpoint) {
        if (endpoint instanceof AutoCloseable owned) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.warn("Releasing the call's {} failed: {}", endpoint.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private final class DtmfRelay implements DTMFListener {
        @Override
        public void dtmfToneReceptionStarted(DTMFToneEvent event) {
            String value = event.getDtmfTone().getValue();
            if (value.length() == 1) {
                for (Consumer<Character> listener : dtmfListeners) {
                    listener.accept(value.charAt(0));
                }
            }
        }

        @Override
        public void dtmfToneReceptionEnded(DTMFToneEvent event) {
            // one digit is reported when it starts; its end carries nothing more
        }
    }
}
