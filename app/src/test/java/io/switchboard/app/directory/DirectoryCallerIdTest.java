package io.switchboard.app.directory;

import static io.switchboard.app.directory.InMemoryDirectory.person;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.app.phone.CallerDirectory.CallerIdentity;
import io.switchboard.app.ui.DirectUi;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.DirectoryEntry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

class DirectoryCallerIdTest {

    private static final DirectoryEntry BOB = person("bob", "Bob Brown", "Software Engineer", "Engineering", "1002");
    private static final Address BOB_CALLING = Address.of("bob", "example.com");

    private final DirectoryAccess access = new DirectoryAccess();
    private final QueuedExecutor lookups = new QueuedExecutor();
    private final DirectoryCallerId callerId = new DirectoryCallerId(access, lookups, new DirectUi());
    private final List<CallerIdentity> named = new CopyOnWriteArrayList<>();

    @Test
    void aCallThatRingsBeforeTheDirectoryIsKnownIsNamedOnceItIs() {
        callerId.identify(BOB_CALLING, named::add);
        lookups.runAll();
        assertThat(named).isEmpty();

        access.set(new CompanyDirectory(new InMemoryDirectory(10, BOB), "ldap://127.0.0.1:10389"));
        lookups.runAll();

        assertThat(named).containsExactly(new CallerIdentity("Bob Brown", "Software Engineer, Engineering"));
    }

    @Test
    void aKnownDirectoryNamesTheCallerAtOnce() {
        access.set(new CompanyDirectory(new InMemoryDirectory(10, BOB), "ldap://127.0.0.1:10389"));

        callerId.identify(BOB_CALLING, named::add);
        lookups.runAll();

        assertThat(named).extracting(CallerIdentity::name).containsExactly("Bob Brown");
    }

    @Test
    void withoutADirectoryOrAfterSignOutNothingWaitsAndNothingIsNamed() {
        callerId.identify(BOB_CALLING, named::add);
        access.none();
        callerId.identify(BOB_CALLING, named::add);
        access.close();
        access.set(new CompanyDirectory(new InMemoryDirectory(10, BOB), "ldap://127.0.0.1:10389"));
        lookups.runAll();

        assertThat(named).isEmpty();
    }
}
