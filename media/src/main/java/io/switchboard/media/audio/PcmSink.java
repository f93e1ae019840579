package io.switchboard.media.audio;

/**
 * Where a call's received, decoded audio goes when it is not played on a speaker: a recorder
 * for tests and headless calls. Called on a media thread; must return quickly.
 */
public interface PcmSink {

    /**
     * @param samples    decoded mono samples, valid only during the call
     * @param length     how many of them
     * @param sampleRate their rate in Hz
     */
    void accept(short[] samples, int length, int sampleRate);
}
