package io.switchboard.bench.directory;

import io.switchboard.bench.ldap.DirectoryPeople.Person;
import io.switchboard.directory.DirectoryException;
import io.switchboard.directory.DirectoryPerson;
import io.switchboard.directory.PagedSearch;
import io.switchboard.directory.PeopleDirectory;

import com.unboundid.ldap.sdk.LDAPException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Type-ahead latency: the same random three-letter name prefixes searched by our client
 * ({@link PeopleDirectory#search}: first page of {@code pageSize}, then closed, as the search field
 * does) and by the peer ({@link PeerSearch}: one search with that size limit), interleaved — the
 * first to go alternates — so both see the same directory state, caches and machine load.
 * One search at a time: this is the latency a user typing sees, not throughput.
 */
final class TypeAheadBench {

    /** Latency of both clients over the same searches, in microseconds, and how often their answers differed. */
    record Result(Histogram ours, Histogram peer, int searches, int differingAnswers, List<String> samplePrefixes) {
    }

    private static final long MAX_MICROS = TimeUnit.SECONDS.toMicros(60);

    private final PeopleDirectory ours;
    private final PeerSearch peer;
    private final int pageSize;

    TypeAheadBench(PeopleDirectory ours, PeerSearch peer, int pageSize) {
        this.ours = ours;
        this.peer = peer;
        this.pageSize = pageSize;
    }

    /** Random prefixes of given names and surnames of the seeded people (the odd one left out). */
    static List<String> prefixes(List<Person> people, int count, long seed) {
        Random random = new Random(seed);
        List<String> prefixes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Person person = people.get(random.nextInt(people.size() - 1));
            String name = random.nextBoolean() ? person.givenName() : person.sn();
            prefixes.add(name.substring(0, Math.min(3, name.length())));
        }
        return prefixes;
    }

    Result run(List<String> warmUp, List<String> measured) throws DirectoryException, LDAPException {
        Histogram ourLatency = new Histogram(MAX_MICROS, 3);
        Histogram peerLatency = new Histogram(MAX_MICROS, 3);
        for (int i = 0; i < warmUp.size(); i++) {
            searchBoth(warmUp.get(i), i % 2 == 0, null, null);
        }
        int differing = 0;
        for (int i = 0; i < measured.size(); i++) {
            if (!searchBoth(measured.get(i), i % 2 == 0, ourLatency, peerLatency)) {
                differing++;
            }
        }
        return new Result(ourLatency, peerLatency, measured.size(), differing,
                measured.subList(0, Math.min(8, measured.size())));
    }

    /** Searches {@code prefix} with both, records their times; whether both found the same people. */
    private boolean searchBoth(String prefix, boolean oursFirst, Histogram ourLatency, Histogram peerLatency)
            throws DirectoryException, LDAPException {
        List<String> mine;
        List<String> theirs;
        if (oursFirst) {
            mine = timedOurs(prefix, ourLatency);
            theirs = timedPeer(prefix, peerLatency);
        } else {
            theirs = timedPeer(prefix, peerLatency);
            mine = timedOurs(prefix, ourLatency);
        }
        if (mine.isEmpty()) {
            throw new IllegalStateException("our client found nobody for '" + prefix + "': not a type-ahead measurement");
        }
        return mine.equals(theirs);
    }

    private List<String> timedOurs(String prefix, Histogram latency) throws DirectoryException {
        long started = System.nanoTime();
        List<DirectoryPerson> page;
        try (PagedSearch search = ours.search(prefix, pageSize)) {
            page = search.nextPage();
        }
        record(latency, started);
        List<String> usernames = new ArrayList<>(page.size());
        page.forEach(p -> usernames.add(p.username().toLowerCase(Locale.ROOT)));
        return usernames;
    }

    private List<String> timedPeer(String prefix, Histogram latency) throws LDAPException {
        long started = System.nanoTime();
        List<String> usernames = peer.search(prefix, pageSize);
        record(latency, started);
        return usernames;
    }

    private static void record(Histogram latency, long startedNanos) {
        if (latency != null) {
            latency.recordValue(Math.min(MAX_MICROS, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - startedNanos)));
        }
    }
}
