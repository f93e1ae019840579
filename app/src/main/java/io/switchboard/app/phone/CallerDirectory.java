package io.switchboard.app.phone;

import io.switchboard.core.model.Address;

import java.util.function.Consumer;

/**
 * Names an incoming caller from the company directory, for the ringing window. The lookup is slow
 * (network): it runs off the UI thread and answers on it, only when the directory knows the caller.
 */
@FunctionalInterface
public interface CallerDirectory {

    /** Without a directory: callers keep the name the buddy list gives them. */
    CallerDirectory NONE = (caller, found) -> { };

    /** Looks {@code caller} up; {@code found} runs on the UI thread if the directory knows them. */
    void identify(Address caller, Consumer<CallerIdentity> found);

    /**
     * Who a caller is, as the directory says.
     *
     * @param role "Title, Department"; empty when unknown
     */
    record CallerIdentity(String name, String role) {
    }
}
