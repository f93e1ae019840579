package io.switchboard.app.phone;

import io.switchboard.app.settings.PhoneSettings;
import io.switchboard.core.service.ServiceException;

/** Points the calls at the softphone or the desk phone; blocks on the network, so it runs on a worker. */
@FunctionalInterface
public interface PhoneSwitch {

    /** @throws ServiceException saying why in words; the phone in use stays as it was */
    void use(PhoneSettings choice) throws ServiceException;
}
