package io.switchboard.media.rtp;

import io.switchboard.media.SrtpKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jitsi.impl.neomedia.transform.PacketTransformer;
import org.jitsi.impl.neomedia.transform.sdes.SDesTransformEngine;
import org.jitsi.service.neomedia.RawPacket;
import org.jitsi.service.neomedia.SrtpControl;
import ch.imvs.sdes4j.srtp.SrtpCryptoAttribute;
import ch.imvs.sdes4j.srtp.SrtpCryptoSuite;
import ch.imvs.sdes4j.srtp.SrtpKeyParam;
import ch.imvs.sdes4j.srtp.SrtpSessionParam;

/**
 * The SRTP stage of one call's libjitsi transform chain, keyed from the SDP. libjitsi takes the
 * stage once, when the stream is made, before any SDP is exchanged; so this stage is always there
 * and passes packets through unchanged until {@link #apply} gives it keys, then encrypts and
 * decrypts with libjitsi's own SDES engine ({@link SDesTransformEngine}: AES-CM and HMAC-SHA1 as
 * RFC 3711). A renegotiation with other keys re-keys it with a new engine (fresh crypto contexts,
 * as for a new master key), one without keys makes it plain again.
 * Received packets that fail SRTP authentication (wrong key, or plain RTP) are dropped by that
 * engine. Once closed it drops everything, so nothing leaves in the clear after a call ends.
 */
final class SdesKeying implements SrtpControl.TransformEngine {

    /** libjitsi's engine only uses an attribute's suite and key, not its tag. */
    private static final int ANY_TAG = 1;

    private final PacketTransformer rtp = new Stage(true);
    private final PacketTransformer rtcp = new Stage(false);
    private volatile SDesTransformEngine engine;
    private volatile boolean closed;
    private Optional<SrtpKeys> applied = Optional.empty();
    /** Engines replaced by a re-key; a call has a handful at most (hold, resume). */
    private final List<SDesTransformEngine> retired = new ArrayList<>();

    /**
     * Encrypts with {@code keys} from now on, or sends and takes plain RTP when empty.
     *
     * @return whether anything changed
     */
    synchronized boolean apply(Optional<SrtpKeys> keys) {
        if (closed || keys.equals(applied)) {
            return false;
        }
        applied = keys;
        SDesTransformEngine next = keys.map(SdesKeying::engineFor).orElse(null);
        // A new engine rather than SDesTransformEngine.update: update swaps the key factories but
        // keeps the crypto contexts already made per SSRC, so a running stream would go on with
        // the old keys (found by SrtpAudioSessionIT.reKeyingOneSideOnlySilencesTheCall).
        SDesTransformEngine previous = engine;
        engine = next;
        if (previous != null) {
            // a packet thread may still be inside it; it is closed with the stream
            retired.add(previous);
        }
        return true;
    }

    private static SDesTransformEngine engineFor(SrtpKeys keys) {
        return new SDesTransformEngine(attribute(keys.suite().name(), keys.remote().keyAndSalt()),
                attribute(keys.suite().name(), keys.local().keyAndSalt()));
    }

    boolean isEncrypting() {
        return engine != null;
    }

    private static SrtpCryptoAttribute attribute(String suite, byte[] keyAndSalt) {
        SrtpKeyParam key = new SrtpKeyParam(SrtpKeyParam.KEYMETHOD_INLINE, keyAndSalt, 0, 0, 0);
        return new SrtpCryptoAttribute(ANY_TAG, new SrtpCryptoSuite(suite), new SrtpKeyParam[] {key},
                new SrtpSessionParam[0]);
    }

    @Override
    public PacketTransformer getRTPTransformer() {
        return rtp;
    }

    @Override
    public PacketTransformer getRTCPTransformer() {
        return rtcp;
    }

    @Override
    public synchronized void cleanup() {
        closed = true;
        if (engine != null) {
            retired.add(engine);
            engine = null;
        }
        retired.forEach(SDesTransformEngine::cleanup);
        retired.clear();
    }

    /** Hands packets to the keyed engine, through when there is none, nowhere once closed. */
    private final class Stage implements PacketTransformer {
        private final boolean isRtp;

        Stage(boolean isRtp) {
            this.isRtp = isRtp;
        }

        @Override
        public RawPacket[] transform(RawPacket[] packets) {
            PacketTransformer keyed = keyed();
            return keyed == null ? passOrDrop(packets) : keyed.transform(packets);
        }

        @Override
        public RawPacket[] reverseTransform(RawPacket[] packets) {
            PacketTransformer keyed = keyed();
            return keyed == null ? passOrDrop(packets) : keyed.reverseTransform(packets);
        }

        private PacketTransformer keyed() {
            SDesTransformEngine current = engine;
            if (current == null) {
                return null;
            }
            return isRtp ? current.getRTPTransformer() : current.getRTCPTransformer();
        }

        private RawPacket[] passOrDrop(RawPacket[] packets) {
            if (!closed) {
                return packets;
            }
            // libjitsi's transformers drop a packet by leaving null in its place
            return packets == null ? null : new RawPacket[packets.length];
        }

        @Override
        public void close() {
            // the engine is closed by cleanup(), once for both stages
        }
    }
}
