package io.switchboard.app.call;

import io.switchboard.media.AudioSession;
import io.switchboard.media.MediaEngine;
import io.switchboard.media.MediaException;

import java.net.InetAddress;

/**
 * Opens a call's audio: on the sound card for the desktop, on a tone or file source and a
 * recorder for headless calls and tests.
 */
@FunctionalInterface
public interface AudioEndpoints {

    AudioSession open(MediaEngine engine, InetAddress localAddress) throws MediaException;
}
