package io.switchboard.media.rtp;

import io.switchboard.media.SrtpKeys;
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
 * RFC 3711). A renegotiation with other keys re-keys it, one without keys makes it plain again.
 * Received packets that fail SRTP authentication (wrong key, or plain RTP) are dropped by that
 * engine. Once closed it drops everything, so nothing leaves in the clear after a call ends.
 */
final class SdesKeying implements SrtpControl.TransformEngine {

    /** Our SDP writes one tag per line; libjitsi's engine only uses the suite and key. */
    private static final int ANY_TAG = 1;

    private final PacketTransformer rtp = new Stage(true);
    private final PacketTransformer rtcp = new Stage(false);
    private volatile SDesTransformEngine engine;
    private volatile boolean closed;
    private Optional<SrtpKeys> applied = Optional.empty();

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
        if (keys.isEmpty()) {
            SDesTransformEngine old = engine;
            engine = null;
            if (old != null) {
                old.cleanup();
            }
            return true;
        }
        SrtpKeys k = keys.get();
        SrtpCryptoAttribute in = attribute(k.suite().name(), k.remote().keyAndSalt());
        SrtpCryptoAttribute out = attribute(k.suite().name(), k.local().keyAndSalt());
        if (engine == null) {
            engine = new SDesTransformEngine(in, out);
        } else {
            engine.update(in, out);
        }
        return true;
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
        SDesTransformEngine old = engine;
        engine = null;
        if (old != null) {
            old.cleanup();
        }
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
