package io.switchboard.server.sip.transport;

/** Where a request came from, as the transport saw it (not what its Via claims). */
public record SipSource(String address, int port, String transport) {

    @Override
    public String toString() {
        return transport + ":" + address + ":" + port;
    }
}
