package io.switchboard.core.service;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryLocation;
import java.util.Optional;

/**
 * One signed-in account and the services it offers. Implemented by a protocol module.
 *
 * <h2>Threading</h2>
 * Methods may be called from any thread. Methods that talk to the network block until the
 * server answered or a timeout passed, so never call them on a UI thread. Every listener of
 * one session (session, presence, contact list, chat) is called on one event thread of that
 * session, one event at a time, in the order the server sent them; never on the caller's
 * thread and never on the protocol library's I/O thread. A UI moves events onto its own
 * thread with its dispatcher.
 *
 * <h2>Errors</h2>
 * {@link SignInException} says why signing in failed; other operations throw a
 * {@link ServiceException} subtype that separates "the peer said no"
 * ({@link PeerRefusedException}) from "we could not get an answer"
 * ({@link NotConnectedException}, {@link NoResponseException}).
 */
public interface ClientSession extends AutoCloseable {

    /** The signed-in user's address. */
    Address self();

    /** The device (XMPP resource) of this session, once signed in; empty before. */
    String device();

    SessionState state();

    /**
     * Connects, secures, authenticates and loads the buddy list and own presence. Returns
     * once the session is usable. Afterwards the session reconnects by itself when the
     * connection is lost, until {@link #signOut()}.
     */
    void signIn() throws SignInException;

    /** Sends unavailable presence and disconnects; stops reconnecting. */
    void signOut();

    PresenceService presence();

    ContactListService contacts();

    ChatService chat();

    /**
     * The voicemail indicator (message waiting), when the account's protocol has one: SIP
     * sessions do (RFC 3842), XMPP sessions do not.
     */
    default Optional<VoicemailService> voicemail() {
        return Optional.empty();
    }

    /**
     * Line state of colleagues' phones (busy lamp field), when the account's protocol has it: SIP
     * sessions do (RFC 4235 dialog event package), XMPP sessions do not.
     */
    default Optional<LineStateService> lineStates() {
        return Optional.empty();
    }

    /**
     * Where the company directory is, as the server advertises it (XMPP: extended service discovery
     * information, XEP-0128); empty when the server names none or the protocol cannot say. Blocking
     * (it may ask the server once), signed in only.
     */
    default Optional<DirectoryLocation> directoryLocation() {
        return Optional.empty();
    }

    ListenerRegistration addListener(SessionListener listener);

    /** Same as {@link #signOut()}, and frees the event thread. */
    @Override
    void close();
}
