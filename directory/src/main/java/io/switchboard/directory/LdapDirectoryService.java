package io.switchboard.directory;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryEntry;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.core.service.DirectorySearch;
import io.switchboard.core.service.DirectoryService;
import io.switchboard.core.service.NoResponseException;
import io.switchboard.core.service.NotConnectedException;
import io.switchboard.core.service.PeerRefusedException;
import io.switchboard.core.service.ServiceException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The client's {@link DirectoryService} over a {@link PeopleDirectory}: people become
 * {@link DirectoryEntry}s at the server's domain (their user name is their chat and call address),
 * directory failures become the service's typed exceptions, and a caller's number is looked up in
 * the spellings a directory may hold it in (as dialled, E.164, national, extension) and confirmed
 * by {@link PhoneNumbers#sameNumber}, so "+44 20 7946 0001" finds "020 7946 0001".
 */
public final class LdapDirectoryService implements DirectoryService {

    /** Results per page of a type-ahead search: a screenful. */
    public static final int PAGE_SIZE = 25;
    /** Candidates read for one caller lookup. */
    private static final int CALLER_CANDIDATES = 10;

    private final PeopleDirectory people;
    private final String domain;
    private final PhoneNumbers numbers;
    private final int pageSize;

    /** @param domain the server's domain: a directory user name {@code bob} is {@code bob@domain} */
    public LdapDirectoryService(PeopleDirectory people, String domain, PhoneNumbers numbers) {
        this(people, domain, numbers, PAGE_SIZE);
    }

    /** @param pageSize results per page of a search */
    public LdapDirectoryService(PeopleDirectory people, String domain, PhoneNumbers numbers, int pageSize) {
        this.people = Objects.requireNonNull(people, "people");
        this.domain = Objects.requireNonNull(domain, "domain");
        this.numbers = Objects.requireNonNull(numbers, "numbers");
        if (pageSize <= 0) {
            throw new IllegalArgumentException("pageSize " + pageSize);
        }
        this.pageSize = pageSize;
    }

    @Override
    public DirectorySearch search(String text) throws ServiceException {
        try {
            return new EntrySearch(people.search(text, pageSize));
        } catch (DirectoryException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<DirectoryEntry> entry(Address person) throws ServiceException {
        if (!person.domain().equalsIgnoreCase(domain)) {
            return Optional.empty();
        }
        try {
            return people.byUsername(person.local()).flatMap(this::entry);
        } catch (DirectoryException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<DirectoryEntry> byPhoneNumber(String number) throws ServiceException {
        if (number == null || number.isBlank() || number.length() > PhoneNumbers.MAX_INPUT_LENGTH) {
            return Optional.empty();
        }
        for (String spelling : spellings(number)) {
            try (PagedSearch search = people.searchByPhone(spelling, CALLER_CANDIDATES)) {
                for (DirectoryPerson person : search.nextPage()) {
                    boolean match = java.util.stream.Stream.concat(person.workPhones().stream(),
                            person.mobilePhones().stream()).anyMatch(phone -> numbers.sameNumber(phone, number));
                    if (match) {
                        return entry(person);
                    }
                }
            } catch (DirectoryException e) {
                throw failure(e);
            }
        }
        return Optional.empty();
    }

    /** How a directory may spell {@code number}: as given, E.164 and its national digits, the extension. */
    private List<String> spellings(String number) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(number.strip());
        numbers.toE164(number).ifPresent(e164 -> {
            spellings.add(e164);
            numbers.extensionOf(e164).ifPresent(spellings::add);
            numbers.nationalForm(e164).ifPresent(spellings::add);
        });
        return new ArrayList<>(spellings);
    }

    private Optional<DirectoryEntry> entry(DirectoryPerson person) {
        Address address;
        try {
            address = Address.of(person.username(), domain);
        } catch (InvalidAddressException e) {
            return Optional.empty(); // a user name no address can carry: nobody we can chat with or call
        }
        return Optional.of(new DirectoryEntry(address, person.displayName(), person.title(), person.department(),
                person.mail(), person.workPhones(), person.mobilePhones(), person.photo()));
    }

    private static ServiceException failure(DirectoryException e) {
        if (e instanceof DirectoryUnreachableException || e instanceof DirectoryTlsException) {
            return new NotConnectedException(e.getMessage(), e);
        }
        if (e instanceof DirectoryTimeoutException) {
            return new NoResponseException(e.getMessage(), e);
        }
        return new PeerRefusedException("directory", e.getMessage(), e);
    }

    @Override
    public void close() {
        people.close();
    }

    /** A directory search whose people are entries. */
    private final class EntrySearch implements DirectorySearch {
        private final PagedSearch search;

        EntrySearch(PagedSearch search) {
            this.search = search;
        }

        @Override
        public List<DirectoryEntry> nextPage() throws ServiceException {
            try {
                return search.nextPage().stream().map(LdapDirectoryService.this::entry).flatMap(Optional::stream)
                        .toList();
            } catch (DirectoryException e) {
                throw failure(e);
            }
        }

        @Override
        public boolean hasMore() {
            return search.hasMore();
        }

        @Override
        public void close() {
            search.close();
        }
    }
}
