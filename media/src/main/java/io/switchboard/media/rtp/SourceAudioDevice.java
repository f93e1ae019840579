package io.switchboard.media.rtp;

import io.switchboard.media.audio.PcmSource;

import javax.media.Processor;
import javax.media.protocol.CaptureDevice;
import javax.media.protocol.DataSource;

import org.jitsi.impl.neomedia.device.AudioMediaDeviceImpl;
import org.jitsi.service.neomedia.MediaDirection;

/**
 * An audio device that captures from a {@link PcmSource} and plays nothing itself: what it
 * receives reaches a {@link io.switchboard.media.audio.PcmSink} through the mixer that wraps it
 * ({@link SinkBridge}). Headless calls and tests use it instead of a sound card.
 */
final class SourceAudioDevice extends AudioMediaDeviceImpl {

    private final PcmSource source;

    SourceAudioDevice(PcmSource source) {
        this.source = source;
    }

    @Override
    protected CaptureDevice createCaptureDevice() {
        return new SourceCaptureDevice(source);
    }

    @Override
    protected Processor createPlayer(DataSource dataSource) {
        return null;
    }

    @Override
    public MediaDirection getDirection() {
        return MediaDirection.SENDRECV;
    }
}
