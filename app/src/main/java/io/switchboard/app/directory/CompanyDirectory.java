package io.switchboard.app.directory;

import io.switchboard.core.service.DirectoryService;

import java.util.Objects;

/**
 * The company directory this session found: the service to ask and where it is, for messages
 * such as "The directory at ldap://… cannot be reached".
 *
 * @param url the directory's URL as the server advertised it
 */
public record CompanyDirectory(DirectoryService service, String url) {

    public CompanyDirectory {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(url, "url");
    }
}
