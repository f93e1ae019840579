package io.switchboard.server.cti.calls;

import io.switchboard.core.model.Address;
import java.util.Optional;

/** Who a desk line belongs to: calls to the line are anchored in the owner's name. */
@FunctionalInterface
public interface LineOwners {

    /** The owner of desk line {@code line}; empty when it is no desk line (or cannot be looked up now). */
    Optional<Address> ownerOf(String line);
}
