package io.switchboard.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.message.Response;
import org.apache.directory.api.ldap.model.message.SearchRequest;
import org.apache.directory.api.ldap.model.message.SearchResultDone;
import org.apache.directory.api.ldap.model.message.SearchResultEntry;
import org.apache.directory.ldap.client.api.LdapAsyncConnection;
import org.apache.directory.ldap.client.api.LdapConnection;
import org.apache.directory.ldap.client.api.LdapConnectionWrapper;
import org.apache.directory.ldap.client.api.exception.InvalidConnectionException;
import org.apache.directory.ldap.client.api.exception.LdapConnectionTimeOutException;
import org.apache.directory.ldap.client.api.future.SearchFuture;

/**
 * One search request on a pooled connection and its whole answer, read from the API's future
 * rather than its cursor, so that a connection the directory closed is told apart from an answer:
 * {@link ConnectionLostException}.
 *
 * <p>Why not the API's {@code SearchCursor} (2.1.7): when the session closes, the API cancels the
 * pending futures without waking their readers, so a cursor already waiting sits out the whole
 * response timeout and then reports a timeout; one that had not started waiting ends as if the
 * search had, without a SearchResultDone; and a reset connection may instead answer the request
 * with a protocolError the API makes up, which a caller would take for the directory's. Here the
 * wait is cut in short slices, a cancelled future (or a closed session) is noticed within one,
 * and an answer under another message ID than the request's is recognised as the API's.
 *
 * <p>Why check the connection before and after: the API's {@code searchAsync} silently reconnects
 * a closed connection, StartTLS included but without a bind. A pooled connection must never search
 * anonymously in place of the service account, so a connection that is not bound before the
 * request is lost, and one that lost its bind by the end of the answer (a reconnect happened in
 * between) is lost too: its answer is not used.
 */
final class SearchExchange {

    /** The entries of one answer, in order, and how it ended. References are not followed. */
    record Answer(List<Entry> entries, SearchResultDone done) {
    }

    /** How often a wait for the next response looks whether the connection is still there. */
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private SearchExchange() {
    }

    /**
     * Sends {@code request} on {@code connection} and reads its answer; {@code patience} is the
     * longest wait for each response, as with the API's own cursor.
     */
    static Answer run(LdapConnection connection, SearchRequest request, Duration patience) throws LdapException {
        SearchFuture future = send(connection, request);
        List<Entry> entries = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Response response = next(future, Math.min(SLICE_NANOS, Math.max(1, deadline - System.nanoTime())));
            if (response == null) {
                if (future.isCancelled() || !connection.isConnected()) {
                    throw new ConnectionLostException("The connection closed while waiting for an answer");
                }
                if (System.nanoTime() - deadline >= 0) {
                    future.cancel(true); // also sends an abandon; the caller discards the connection
                    throw new LdapConnectionTimeOutException("No answer within " + patience.toMillis() + " ms");
                }
                continue;
            }
            deadline = System.nanoTime() + patience.toNanos();
            if (response instanceof SearchResultEntry entry) {
                entries.add(entry.getEntry());
            } else if (response instanceof SearchResultDone done) {
                if (done.getMessageId() != request.getMessageId()) {
                    // not the directory's: the API answers a request on a connection it lost with a
                    // made-up protocolError ("The server will disconnect!") under message ID -1
                    throw new ConnectionLostException("The connection was lost: " + diagnostic(done));
                }
                requireBound(connection, "after the answer");
                return new Answer(entries, done);
            }
        }
    }

    /**
     * Sends {@code request} and does not wait for its answer (which the API drops when it comes):
     * for a request whose answer nobody needs, such as ending a paged search early.
     */
    static void sendOnly(LdapConnection connection, SearchRequest request) throws LdapException {
        send(connection, request);
    }

    private static SearchFuture send(LdapConnection connection, SearchRequest request) throws LdapException {
        requireBound(connection, "before the request");
        try {
            return async(connection).searchAsync(request);
        } catch (InvalidConnectionException e) {
            throw new ConnectionLostException("The connection closed while sending a request", e);
        } catch (LdapException e) {
            if (!connection.isConnected()) {
                throw new ConnectionLostException("The connection closed while sending a request", e);
            }
            throw e;
        }
    }

    private static String diagnostic(SearchResultDone done) {
        String text = done.getLdapResult().getDiagnosticMessage();
        return text == null || text.isBlank() ? done.getLdapResult().getResultCode().getMessage() : text;
    }

    private static void requireBound(LdapConnection connection, String when) throws ConnectionLostException {
        if (!connection.isAuthenticated()) {
            throw new ConnectionLostException("The connection was closed " + when);
        }
    }

    private static Response next(SearchFuture future, long waitNanos) throws LdapException {
        try {
            return future.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new LdapException("Interrupted while waiting for the directory", e);
        }
    }

    /** The API's own connection under the pool's wrappers: only it offers asynchronous requests. */
    private static LdapAsyncConnection async(LdapConnection connection) {
        LdapConnection inner = connection;
        while (inner instanceof LdapConnectionWrapper wrapper) {
            inner = wrapper.wrapped();
        }
        return (LdapAsyncConnection) inner;
    }
}
