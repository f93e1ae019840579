package io.switchboard.server.xmpp.stream;

import io.switchboard.server.xmpp.session.C2sSession;
import io.switchboard.server.xmpp.session.StanzaRouter;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test double for the IM layer: records what the stream layer hands it. */
final class RecordingStanzaRouter implements StanzaRouter {

    record Received(C2sSession session, XmlElement stanza) {
    }

    final List<C2sSession> bound = new CopyOnWriteArrayList<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    final List<C2sSession> closed = new CopyOnWriteArrayList<>();

    @Override
    public void sessionBound(C2sSession session) {
        bound.add(session);
    }

    @Override
    public void stanzaReceived(C2sSession session, XmlElement stanza) {
        received.add(new Received(session, stanza));
    }

    @Override
    public void sessionClosed(C2sSession session) {
        closed.add(session);
    }
}
