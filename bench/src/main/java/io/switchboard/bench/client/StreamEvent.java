package io.switchboard.bench.client;

/** What the frame decoder passes up besides whole stanzas: the stream's own start and end tags. */
public enum StreamEvent {
    /** The server's {@code <stream:stream>} header arrived. */
    OPENED,
    /** The server sent {@code </stream:stream>}. */
    CLOSED
}
