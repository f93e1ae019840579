package io.switchboard.bench.directory;

import io.switchboard.directory.AttributeProfile;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The named peer of our type-ahead: UnboundID's SDK doing the plainest thing that answers the same
 * question — one search with a size limit of {@code limit}, no paging control, on one connection
 * held open — with the same filter and the same attributes our client sends, so the difference
 * measured is our client's (pool, paging, mapping, ending the paged search early), not the query.
 */
final class PeerSearch {

    private final LDAPConnection connection;
    private final String base;
    private final AttributeProfile profile;
    private final String[] attributes;

    PeerSearch(LDAPConnection connection, String base, AttributeProfile profile) {
        this.connection = connection;
        this.base = base;
        this.profile = profile;
        this.attributes = Stream.of(profile.uniqueId(), profile.username(), profile.displayName(),
                profile.commonName(), profile.mail(), profile.title(), profile.department(), profile.workPhone(),
                profile.mobilePhone(), profile.photo(), profile.modified()).toArray(String[]::new);
    }

    /** The usernames of at most {@code limit} people any of whose searched attributes start with {@code prefix}. */
    List<String> search(String prefix, int limit) throws LDAPException {
        SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter(prefix), attributes);
        request.setSizeLimit(limit);
        List<SearchResultEntry> entries;
        try {
            SearchResult result = connection.search(request);
            entries = result.getSearchEntries();
        } catch (LDAPSearchException e) {
            // more matches than the limit: the entries up to it are the answer
            if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw e;
            }
            entries = e.getSearchEntries();
        }
        List<String> usernames = new ArrayList<>(entries.size());
        for (SearchResultEntry entry : entries) {
            usernames.add(entry.getAttributeValue(profile.username()).toLowerCase(java.util.Locale.ROOT));
        }
        return usernames;
    }

    /**
     * Our client's type-ahead filter for a text without digits: the person filter and a prefix on each
     * searched attribute but the phone numbers, the value escaped by the SDK.
     */
    private Filter filter(String prefix) throws LDAPException {
        List<Filter> any = new ArrayList<>();
        for (String attribute : profile.searched()) {
            if (!attribute.equalsIgnoreCase(profile.workPhone()) && !attribute.equalsIgnoreCase(profile.mobilePhone())) {
                any.add(Filter.createSubstringFilter(attribute, prefix, null, null));
            }
        }
        return Filter.createANDFilter(Filter.create(profile.personFilter()), Filter.createORFilter(any));
    }
}
