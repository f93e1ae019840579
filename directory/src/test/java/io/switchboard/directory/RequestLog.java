package io.switchboard.directory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ReadOnlySearchRequest;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;

/**
 * Counts the requests a {@link TestDirectory} receives, by what they are for: the round trips a
 * client costs, seen from the server. Can also hold RFC 2696 releases (paged searches with page
 * size 0) until let go, to show that nobody waits for them.
 */
final class RequestLog extends InMemoryOperationInterceptor {

    private final AtomicInteger searches = new AtomicInteger();
    private final AtomicInteger rootDseReads = new AtomicInteger();
    private final AtomicInteger releases = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private final AtomicInteger extended = new AtomicInteger();
    private volatile CountDownLatch releasesLetGo = new CountDownLatch(0);

    /** From zero. */
    void reset() {
        searches.set(0);
        rootDseReads.set(0);
        releases.set(0);
        binds.set(0);
        extended.set(0);
    }

    /** Search requests for people: neither root DSE reads nor releases. */
    int searches() {
        return searches.get();
    }

    int rootDseReads() {
        return rootDseReads.get();
    }

    int releases() {
        return releases.get();
    }

    int binds() {
        return binds.get();
    }

    int extended() {
        return extended.get();
    }

    /** From now on a release waits in the server until {@link #letReleasesGo()} (at most 30 s). */
    void holdReleases() {
        releasesLetGo = new CountDownLatch(1);
    }

    void letReleasesGo() {
        releasesLetGo.countDown();
    }

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest intercepted) throws LDAPException {
        ReadOnlySearchRequest request = intercepted.getRequest();
        if (request.getBaseDN().isEmpty() && request.getScope() == SearchScope.BASE) {
            rootDseReads.incrementAndGet();
        } else if (isRelease(request)) {
            releases.incrementAndGet();
            awaitLetGo();
        } else {
            searches.incrementAndGet();
        }
    }

    private static boolean isRelease(ReadOnlySearchRequest request) throws LDAPException {
        Control paging = request.getControl(SimplePagedResultsControl.PAGED_RESULTS_OID);
        return paging != null && new SimplePagedResultsControl(paging.getOID(), paging.isCritical(),
                paging.getValue()).getSize() == 0;
    }

    private void awaitLetGo() {
        try {
            releasesLetGo.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
        binds.incrementAndGet();
    }

    @Override
    public void processExtendedRequest(InMemoryInterceptedExtendedRequest request) {
        extended.incrementAndGet();
    }
}
