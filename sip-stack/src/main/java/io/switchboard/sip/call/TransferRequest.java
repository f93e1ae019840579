package io.switchboard.sip.call;

import io.switchboard.core.model.Address;

import java.util.Optional;

/**
 * The other side asked us to call someone else (REFER, RFC 3515): {@link #target()}, and for an
 * attended transfer the dialog the new call replaces at the target. Report how the new call goes
 * with {@link #progress} (NOTIFY with a message/sipfrag body); a final status ends the implicit
 * subscription.
 */
public final class TransferRequest {

    private final SipCall call;
    private final Address target;
    private final Replaces replaces;

    TransferRequest(SipCall call, Address target, Replaces replaces) {
        this.call = call;
        this.target = target;
        this.replaces = replaces;
    }

    /** Who to call now. */
    public Address target() {
        return target;
    }

    /** For an attended transfer: the call at the target that the new one replaces. */
    public Optional<Replaces> replaces() {
        return Optional.ofNullable(replaces);
    }

    /** Tells the transferor how the new call goes: 100 trying, 180 ringing, 200 done, or the failure. */
    public void progress(int status, String reasonPhrase) {
        call.notifyTransfer(status, reasonPhrase);
    }
}
