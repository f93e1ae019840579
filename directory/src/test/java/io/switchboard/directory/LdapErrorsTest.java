package io.switchboard.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.directory.api.ldap.model.exception.LdapException;
import org.junit.jupiter.api.Test;

/** How failures the LDAP API reports without a type of their own are classified. */
class LdapErrorsTest {

    private final LdapErrors errors = new LdapErrors("ldap.example.com", 389);

    @Test
    void aBindThatGotNoAnswerInTimeIsATimeoutThoughTheApiGivesItNoType() {
        DirectoryException mapped = errors.map("binding for search",
                new LdapException("ERR_04170_TIMEOUT_OCCURED TimeOut occurred"));

        assertThat(mapped).isInstanceOf(DirectoryTimeoutException.class)
                .hasMessageContaining("ldap.example.com:389").hasMessageContaining("did not answer in time");
    }

    @Test
    void anotherUntypedFailureIsNotATimeout() {
        assertThat(errors.map("searching", new LdapException("ERR_04169_RESPONSE_QUEUE_EMPTIED")))
                .isNotInstanceOf(DirectoryTimeoutException.class);
    }
}
