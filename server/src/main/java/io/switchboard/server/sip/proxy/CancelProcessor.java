package io.switchboard.server.sip.proxy;

import io.switchboard.server.sip.transport.IncomingRequest;
import io.switchboard.server.sip.transport.RequestProcessor;

import java.util.Objects;
import java.util.Optional;
import javax.sip.message.Response;

/**
 * CANCEL (RFC 3261 §9.2, §16.10): answered 200 at once when it matches a running INVITE fork,
 * whose ringing branches are then cancelled (their 487 goes upstream); 481 otherwise. Never
 * challenged: a CANCEL cannot resubmit with credentials.
 */
public final class CancelProcessor implements RequestProcessor {

    private final Forker forker;

    public CancelProcessor(Forker forker) {
        this.forker = Objects.requireNonNull(forker, "forker");
    }

    @Override
    public void process(IncomingRequest in) {
        Optional<ForkedRequest> fork = forker.inviteFor(in.request());
        if (fork.isEmpty()) {
            in.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        in.respond(Response.OK);
        fork.get().cancel();
    }
}
