package io.switchboard.server.xmpp.im;

import io.switchboard.core.model.Address;
import io.switchboard.server.xmpp.Jid;
import io.switchboard.server.xmpp.session.C2sSession;
import io.switchboard.server.xmpp.xml.XmlElement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Who is connected: user → bound resources, each a {@link ResourceSession}. Thread-safe; all
 * updates of one user's resource map are atomic ({@code compute}), so two connections binding
 * the same resource at once cannot both win.
 */
public final class SessionRegistry {

    private final Map<Address, Map<String, ResourceSession>> users = new ConcurrentHashMap<>();
    private final Map<String, ResourceSession> byConnectionId = new ConcurrentHashMap<>();

    /** The result of binding: the new session and the one it displaced, if any. */
    public record Binding(ResourceSession session, Optional<ResourceSession> replaced) {
    }

    /**
     * Registers a newly bound connection. If the resource is already bound, the new session
     * takes over the old one's serial executor, so that the old session's teardown (queued by
     * the caller) runs before any stanza of the new one.
     */
    public Binding bind(C2sSession connection, Supplier<Executor> newSerialExecutor) {
        Jid jid = connection.jid();
        Address user = jid.address().orElseThrow(() -> new IllegalArgumentException("no user in " + jid));
        ResourceSession[] result = new ResourceSession[2];
        users.compute(user, (k, resources) -> {
            Map<String, ResourceSession> copy = resources == null ? new LinkedHashMap<>() : new LinkedHashMap<>(resources);
            ResourceSession old = copy.get(jid.resource());
            Executor serial = old == null ? newSerialExecutor.get() : old.serial();
            ResourceSession fresh = new ResourceSession(connection, serial);
            copy.put(jid.resource(), fresh);
            result[0] = fresh;
            result[1] = old;
            return Collections.unmodifiableMap(copy);
        });
        byConnectionId.put(connection.id(), result[0]);
        return new Binding(result[0], Optional.ofNullable(result[1]));
    }

    /** Removes the session if it is still the one bound to its resource. */
    public void unbind(ResourceSession session) {
        byConnectionId.remove(session.connection().id(), session);
        users.computeIfPresent(session.user(), (k, resources) -> {
            if (resources.get(session.resource()) != session) {
                return resources;
            }
            Map<String, ResourceSession> copy = new LinkedHashMap<>(resources);
            copy.remove(session.resource());
            return copy.isEmpty() ? null : Collections.unmodifiableMap(copy);
        });
    }

    /** The session of a connection, while it is bound and not replaced. */
    public Optional<ResourceSession> of(C2sSession connection) {
        return Optional.ofNullable(byConnectionId.get(connection.id()))
                .filter(s -> s.connection() == connection);
    }

    /** The session bound to a full JID. */
    public Optional<ResourceSession> find(Jid fullJid) {
        if (!fullJid.isFull()) {
            return Optional.empty();
        }
        return fullJid.address()
                .map(users::get)
                .map(resources -> resources.get(fullJid.resource()))
                .filter(s -> !s.isEnded());
    }

    /** Every bound resource of a user (available or not). */
    public List<ResourceSession> resources(Address user) {
        Map<String, ResourceSession> resources = users.get(user);
        if (resources == null) {
            return List.of();
        }
        List<ResourceSession> out = new ArrayList<>();
        for (ResourceSession s : resources.values()) {
            if (!s.isEnded()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Resources that sent initial presence and are still available. */
    public List<ResourceSession> available(Address user) {
        return resources(user).stream().filter(ResourceSession::isAvailable).toList();
    }

    /** Resources that get messages sent to the bare JID: available, priority ≥ 0 (RFC 6121 §8.5.2.1.1). */
    public List<ResourceSession> messageable(Address user) {
        return resources(user).stream().filter(s -> s.isAvailable() && s.priority() >= 0).toList();
    }

    /** Current presence stanzas of the user's available resources. */
    public List<XmlElement> presences(Address user) {
        return resources(user).stream().map(ResourceSession::presence).filter(java.util.Objects::nonNull).toList();
    }
}
