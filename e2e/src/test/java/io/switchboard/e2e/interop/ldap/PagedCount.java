package io.switchboard.e2e.interop.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

/**
 * Counts a one-level search's entries page by page with the simple paged results control
 * (RFC 2696), the way a directory sync reads a directory larger than its size limit.
 */
final class PagedCount {

    /** A bound on the pages, so a server that keeps handing out cookies cannot loop a test forever. */
    private static final int MAX_PAGES = 10_000;

    private PagedCount() {
    }

    static int count(LDAPConnection connection, String base, Filter filter, int pageSize) throws LDAPException {
        int count = 0;
        ASN1OctetString cookie = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            SearchRequest request = new SearchRequest(base, SearchScope.ONE, filter, "1.1");
            request.setControls(new SimplePagedResultsControl(pageSize, cookie, true));
            SearchResult result = connection.search(request);
            count += result.getEntryCount();
            SimplePagedResultsControl response = SimplePagedResultsControl.get(result);
            if (response == null || !response.moreResultsToReturn()) {
                return count;
            }
            cookie = response.getCookie();
        }
        throw new LDAPException(ResultCode.LOOP_DETECT, "still more pages after " + MAX_PAGES);
    }
}
