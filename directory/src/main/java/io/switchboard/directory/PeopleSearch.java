package io.switchboard.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.filter.ExprNode;
import org.apache.directory.api.ldap.model.message.AliasDerefMode;
import org.apache.directory.api.ldap.model.message.Control;
import org.apache.directory.api.ldap.model.message.LdapResult;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchRequest;
import org.apache.directory.api.ldap.model.message.SearchRequestImpl;
import org.apache.directory.api.ldap.model.message.SearchResultDone;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.message.controls.PagedResults;
import org.apache.directory.api.ldap.model.message.controls.PagedResultsImpl;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.ldap.client.api.LdapConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One search for people, a page at a time (RFC 2696 simple paged results: a page size and the
 * server's cookie on every request), on one pooled connection that it holds until the last page
 * or {@link #close()}. Also stops after {@code limit} people when the directory does not (some
 * apply a size limit per page).
 *
 * <p>The connection goes back to the pool after a clean end, and is discarded after a timeout or
 * a failure: an unanswered request may still be pending on it. The first page is asked for once
 * more on a new connection when the pooled one turns out closed ({@link DirectoryConnections#exchange});
 * a later page is not: the directory's paging state (the cookie) went with the old connection.
 *
 * <p>A search left before the directory said it was done (a non-empty cookie: type-ahead closed
 * after its first page, or stopped at the limit) sends the RFC 2696 release, page size 0 with the
 * cookie, so that the directory can drop what it keeps for the search (Active Directory limits
 * those per connection). It is sent without waiting for its answer: the caller has its page, and
 * LDAP matches answers to requests by message ID, so the connection serves the next search at once.
 * A search whose last page came back with an empty cookie left nothing to release, and sends nothing.
 */
final class PeopleSearch implements PagedSearch {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleSearch.class);

    /**
     * How one search asks: where, what for, how many at most (0: no limit), how long the server may
     * take, and how long we wait for each of its responses.
     */
    record Query(Dn base, ExprNode filter, String[] attributes, long limit, int timeLimitSeconds, Duration patience,
                 String what) {
    }

    private final DirectoryConnections connections;
    private final LdapErrors errors;
    private final PersonMapper mapper;
    private final Query query;
    private final int pageSize;
    private LdapConnection connection;
    private byte[] cookie;
    private long delivered;
    private boolean more = true;

    PeopleSearch(DirectoryConnections connections, LdapErrors errors, PersonMapper mapper, Query query,
                 int pageSize) throws DirectoryException {
        this.connections = connections;
        this.errors = errors;
        this.mapper = mapper;
        this.query = query;
        this.pageSize = pageSize;
        this.connection = connections.borrow(query.what());
    }

    /** A search that finds nobody and holds no connection (blank type-ahead text). */
    static PagedSearch empty() {
        return new PagedSearch() {
            @Override
            public List<DirectoryPerson> nextPage() {
                return List.of();
            }

            @Override
            public boolean hasMore() {
                return false;
            }

            @Override
            public void close() {
                // nothing held
            }
        };
    }

    @Override
    public List<DirectoryPerson> nextPage() throws DirectoryException {
        List<DirectoryPerson> page = List.of();
        // a page of entries that are no people (no username) is skipped: empty means the end
        while (more && page.isEmpty()) {
            page = fetchPage();
        }
        return page;
    }

    private List<DirectoryPerson> fetchPage() throws DirectoryException {
        int size = query.limit() > 0 ? (int) Math.min(pageSize, query.limit() - delivered) : pageSize;
        SearchRequest request = request(size);
        List<DirectoryPerson> page = new ArrayList<>(size);
        try {
            SearchExchange.Answer answer = exchange(request);
            SearchResultDone done = answer.done();
            readDone(done.getLdapResult(), done.getControl(PagedResults.OID));
            for (Entry entry : answer.entries()) {
                mapper.toPerson(entry).ifPresent(page::add);
            }
        } catch (LdapException | RuntimeException e) {
            end(true);
            throw errors.map(query.what(), e);
        } catch (DirectoryException e) {
            end(true);
            throw e;
        }
        List<DirectoryPerson> delivering = page;
        if (query.limit() > 0 && delivered + page.size() >= query.limit()) {
            // a directory may apply the size limit per page, or not at all: ours is for the whole search
            delivering = page.subList(0, (int) (query.limit() - delivered));
            more = false;
        }
        delivered += delivering.size();
        if (!more) {
            end(false);
        }
        return List.copyOf(delivering);
    }

    /** The first request may go twice (its connection was found closed); a later one, with a cookie, may not. */
    private SearchExchange.Answer exchange(SearchRequest request) throws LdapException, DirectoryException {
        if (cookie != null) {
            return SearchExchange.run(connection, request, query.patience());
        }
        LdapConnection held = connection;
        // exchange discards the connection it fails on: this search no longer holds one then
        connection = null;
        DirectoryConnections.Answered<SearchExchange.Answer> answered = connections.exchange(held, query.what(),
                on -> SearchExchange.run(on, request, query.patience()));
        connection = answered.connection();
        return answered.answer();
    }

    private void readDone(LdapResult result, Control control) throws DirectoryException {
        ResultCodeEnum code = result.getResultCode();
        if (code == ResultCodeEnum.SIZE_LIMIT_EXCEEDED && query.limit() > 0) {
            // the end of a limited search (type-ahead)
            cookie = null;
            more = false;
        } else if (code != ResultCodeEnum.SUCCESS) {
            // also sizeLimitExceeded on an unlimited search: the directory's own limit cut it short,
            // and a synchronisation that took the part for the whole would drop everyone after it
            throw errors.forResult(query.what(), result);
        } else {
            cookie = control instanceof PagedResults paged ? paged.getCookie() : null;
            // no control back: a directory without paging sent everything at once
            more = cookie != null && cookie.length > 0;
        }
    }

    private SearchRequest request(int size) {
        PagedResults paging = new PagedResultsImpl();
        paging.setSize(size);
        if (cookie != null) {
            paging.setCookie(cookie);
        }
        SearchRequest request = new SearchRequestImpl()
                .setBase(query.base())
                .setScope(SearchScope.SUBTREE)
                .setDerefAliases(AliasDerefMode.NEVER_DEREF_ALIASES)
                .setFilter(query.filter())
                .setSizeLimit(query.limit())
                .setTimeLimit(query.timeLimitSeconds())
                .addAttributes(query.attributes());
        request.addControl(paging);
        return request;
    }

    @Override
    public boolean hasMore() {
        return more;
    }

    @Override
    public void close() {
        more = false;
        end(false);
    }

    private void end(boolean broken) {
        more = false;
        LdapConnection held = connection;
        connection = null;
        if (held == null) {
            return;
        }
        if (broken) {
            connections.discard(held);
            return;
        }
        if (cookie != null && cookie.length > 0 && !releaseServerState(held)) {
            connections.discard(held);
            return;
        }
        connections.giveBack(held);
    }

    /** RFC 2696 §3: a page size of zero with the cookie ends a search the client leaves early; not waited for. */
    private boolean releaseServerState(LdapConnection held) {
        try {
            SearchExchange.sendOnly(held, request(0));
            return true;
        } catch (LdapException | RuntimeException e) {
            LOG.debug("Could not end a paged search on the directory at {}: discarding its connection",
                    errors.where(), e);
            return false;
        } finally {
            cookie = null;
        }
    }
}
