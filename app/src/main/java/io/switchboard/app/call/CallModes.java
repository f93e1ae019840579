package io.switchboard.app.call;

import io.switchboard.app.phone.PhoneSwitch;
import io.switchboard.app.settings.CallMode;
import io.switchboard.app.settings.PhoneSettings;
import io.switchboard.core.model.Address;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.core.service.CallService;
import io.switchboard.core.service.ServiceException;
import io.switchboard.sip.client.SipUserAgent;
import io.switchboard.sip.cti.CstaSessions;
import io.switchboard.sip.cti.DeskPhoneCalls;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Switches the calls of one SIP session between the softphone and the desk phone: for desk-phone
 * mode it opens a CTI session with the server's gateway ({@code sip:cti@<domain>}) and monitors
 * the line, then points the {@link SwitchableCallService} at it. Blocks on the network: call it on
 * a worker. Thread-safe.
 */
public final class CallModes implements PhoneSwitch, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallModes.class);
    private static final long START_TIMEOUT_SECONDS = 15;

    private final SipUserAgent agent;
    private final Address self;
    private final CallService softphone;
    private final SwitchableCallService calls;
    private final Clock clock;
    /** Made at the first switch to the desk phone: it takes the agent's INFO requests, once per agent. */
    private CstaSessions cti;
    private DeskPhoneCalls deskPhone;

    public CallModes(SipUserAgent agent, Address self, CallService softphone, SwitchableCallService calls, Clock clock) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.self = Objects.requireNonNull(self, "self");
        this.softphone = Objects.requireNonNull(softphone, "softphone");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Calls use {@code choice} from now on.
     *
     * @throws ServiceException saying why in words (calls in progress, a line not assigned to me, no
     *                          gateway); the phone in use stays as it was
     */
    @Override
    public synchronized void use(PhoneSettings choice) throws ServiceException {
        Objects.requireNonNull(choice, "choice");
        if (!calls.calls().isEmpty()) {
            // a call stays on the phone it began on: switching would orphan its window
            throw new ServiceException("finish your calls first");
        }
        if (choice.mode() == CallMode.SOFTPHONE) {
            calls.use(softphone, Optional.empty());
            closeDeskPhone();
            LOG.info("Calls of {} use the softphone", self);
            return;
        }
        Address line = lineAddress(choice.deskLine());
        DeskPhoneCalls started = startDeskPhone(line);
        calls.use(started, Optional.of(line.local()));
        closeDeskPhone();
        deskPhone = started;
    }

    /** At sign-out: the CTI session ends (the desk phone's calls go on there). */
    @Override
    public synchronized void close() {
        closeDeskPhone();
    }

    private DeskPhoneCalls startDeskPhone(Address line) throws ServiceException {
        if (cti == null) {
            cti = new CstaSessions(agent);
        }
        Address gateway = Address.of("cti", self.domain());
        try {
            return DeskPhoneCalls.start(cti, gateway, line, agent.context().events(), clock)
                    .get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException("interrupted");
        } catch (TimeoutException e) {
            LOG.warn("The CTI gateway {} did not answer within {} s", gateway, START_TIMEOUT_SECONDS);
            throw new ServiceException("the server's CTI gateway did not answer");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof ServiceException refused) {
                throw refused;
            }
            LOG.warn("Desk-phone mode on {} failed", line, cause);
            throw new ServiceException(String.valueOf(cause.getMessage()), cause);
        }
    }

    private Address lineAddress(String typed) throws ServiceException {
        Optional<String> problem = PhoneSettings.lineProblem(typed);
        if (problem.isPresent()) {
            throw new ServiceException(problem.get());
        }
        try {
            return Address.of(typed.strip(), self.domain());
        } catch (InvalidAddressException e) {
            throw new ServiceException(typed + " is not a desk line: " + e.getMessage());
        }
    }

    private void closeDeskPhone() {
        if (deskPhone != null) {
            deskPhone.close();
            deskPhone = null;
        }
    }
}
