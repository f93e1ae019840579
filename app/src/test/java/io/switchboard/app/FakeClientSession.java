package io.switchboard.app;

import io.switchboard.core.event.ListenerRegistration;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.Availability;
import io.switchboard.core.model.Presence;
import io.switchboard.core.service.ChatService;
import io.switchboard.core.service.ClientSession;
import io.switchboard.core.service.ContactListService;
import io.switchboard.core.service.PresenceService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.core.service.SessionListener;
import io.switchboard.core.service.SessionState;
import io.switchboard.core.service.SignInException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory session for view-model tests: signing in succeeds or throws what it was told,
 * own presence is recorded, and the test fires session events itself (on its own thread,
 * which with DirectUi stands in for the session's event thread).
 */
public final class FakeClientSession implements ClientSession {

    public record PublishedPresence(Availability availability, String note) {
    }

    private final Address self;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    public final List<PublishedPresence> published = new CopyOnWriteArrayList<>();
    private volatile SignInException signInFailure;
    private volatile ServiceException presenceFailure;
    private volatile SessionState state = SessionState.SIGNED_OUT;
    private volatile Presence own = new Presence(Availability.AVAILABLE, "", List.of(), java.util.Set.of());
    public volatile boolean closed;
    public volatile int signInCalls;

    public FakeClientSession(Address self) {
        this.self = self;
    }

    public static FakeClientSession connected(String address) {
        FakeClientSession session = new FakeClientSession(Address.parse(address));
        session.state = SessionState.CONNECTED;
        return session;
    }

    public FakeClientSession failingWith(SignInException failure) {
        this.signInFailure = failure;
        return this;
    }

    public void failPresenceWith(ServiceException failure) {
        this.presenceFailure = failure;
    }

    public void fireState(SessionState newState, Optional<ServiceException> cause) {
        state = newState;
        listeners.forEach(l -> l.stateChanged(newState, cause));
    }

    public void fireReconnectScheduled(int attempt, Duration delay) {
        listeners.forEach(l -> l.reconnectScheduled(attempt, delay));
    }

    public int listenerCount() {
        return listeners.size();
    }

    @Override
    public Address self() {
        return self;
    }

    @Override
    public String device() {
        return state == SessionState.CONNECTED ? "test" : "";
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public void signIn() throws SignInException {
        signInCalls++;
        if (signInFailure != null) {
            state = SessionState.FAILED;
            throw signInFailure;
        }
        state = SessionState.CONNECTED;
    }

    @Override
    public void signOut() {
        state = SessionState.SIGNED_OUT;
    }

    @Override
    public PresenceService presence() {
        return new PresenceService() {
            @Override
            public void setOwnPresence(Availability availability, String note) throws ServiceException {
                if (presenceFailure != null) {
                    throw presenceFailure;
                }
                published.add(new PublishedPresence(availability, note));
                own = new Presence(availability, note, List.of(), java.util.Set.of());
            }

            @Override
            public Presence ownPresence() {
                return own;
            }

            @Override
            public Presence presenceOf(Address contact) {
                return Presence.OFFLINE;
            }

            @Override
            public ListenerRegistration addListener(PresenceListener listener) {
                return () -> { };
            }
        };
    }

    @Override
    public ContactListService contacts() {
        throw new UnsupportedOperationException("not needed by the shell's view models");
    }

    @Override
    public ChatService chat() {
        throw new UnsupportedOperationException("not needed by the shell's view models");
    }

    @Override
    public ListenerRegistration addListener(SessionListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        signOut();
        closed = true;
    }
}
