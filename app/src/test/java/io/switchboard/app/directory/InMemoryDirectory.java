package io.switchboard.app.directory;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryEntry;
import io.switchboard.core.service.DirectorySearch;
import io.switchboard.core.service.DirectoryService;
import io.switchboard.core.service.ServiceException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A directory of a few people in memory, for view-model tests: "starts with" on any word of the
 * name or the user name, pages of a chosen size, a failure to throw on the next call, and a log of
 * what was searched and closed.
 */
final class InMemoryDirectory implements DirectoryService {

    private final List<DirectoryEntry> people;
    private final int pageSize;
    final List<String> searched = new CopyOnWriteArrayList<>();
    final List<String> closedSearches = new CopyOnWriteArrayList<>();
    private volatile ServiceException nextFailure;
    volatile boolean closed;

    InMemoryDirectory(int pageSize, DirectoryEntry... people) {
        this.people = List.of(people);
        this.pageSize = pageSize;
    }

    void failNextWith(ServiceException failure) {
        nextFailure = failure;
    }

    private void maybeFail() throws ServiceException {
        ServiceException failure = nextFailure;
        if (failure != null) {
            nextFailure = null;
            throw failure;
        }
    }

    @Override
    public DirectorySearch search(String text) throws ServiceException {
        maybeFail();
        searched.add(text);
        String wanted = text.toLowerCase(Locale.ROOT);
        List<DirectoryEntry> found = people.stream().filter(p -> java.util.Arrays.stream(
                (p.displayName() + " " + p.address().local()).toLowerCase(Locale.ROOT).split(" "))
                .anyMatch(word -> word.startsWith(wanted))).toList();
        return new DirectorySearch() {
            private int next;

            @Override
            public List<DirectoryEntry> nextPage() throws ServiceException {
                maybeFail();
                List<DirectoryEntry> page = new ArrayList<>(found.subList(next, Math.min(found.size(), next + pageSize)));
                next += page.size();
                return page;
            }

            @Override
            public boolean hasMore() {
                return next < found.size();
            }

            @Override
            public void close() {
                closedSearches.add(text);
            }
        };
    }

    @Override
    public Optional<DirectoryEntry> entry(Address person) throws ServiceException {
        maybeFail();
        return people.stream().filter(p -> p.address().equals(person)).findFirst();
    }

    @Override
    public Optional<DirectoryEntry> byPhoneNumber(String number) throws ServiceException {
        maybeFail();
        String digits = number.replaceAll("[^+0-9]", "");
        return people.stream().filter(p -> java.util.stream.Stream.concat(p.workPhones().stream(),
                p.mobilePhones().stream()).anyMatch(n -> n.replaceAll("[^+0-9]", "").equals(digits))).findFirst();
    }

    @Override
    public void close() {
        closed = true;
    }

    static DirectoryEntry person(String username, String name, String title, String department, String phone) {
        return new DirectoryEntry(Address.of(username, "example.com"), name, Optional.of(title),
                Optional.of(department), Optional.of(username + "@example.com"), List.of(phone),
                List.of("+44 7700 900" + phone.substring(1)), Optional.empty());
    }
}
