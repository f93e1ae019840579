package io.switchboard.server.cti.calls;

import io.switchboard.core.model.Address;
import io.switchboard.sip.call.CallEnd;
import io.switchboard.sip.call.CallListener;
import io.switchboard.sip.call.SessionAnswer;
import io.switchboard.sip.call.SipCall;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is left of a desk call after the line transferred it away: the far party's leg, now
 * connected to the transfer target through a new leg, until either hangs up. No line watches it.
 */
final class Bridge {

    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);

    private final LegFactory legs;
    private final SipCall remaining;
    private final SdpOrigin remainingOrigin;
    private final SdpOrigin targetOrigin;
    private final Address transferor;
    private final Address target;
    private String remainingSdp;
    private String targetSdp;
    private SipCall targetLeg;
    private boolean over;

    Bridge(LegFactory legs, SipCall remaining, String remainingSdp, SdpOrigin remainingOrigin, Address transferor,
           Address target, String mediaHost) {
        this.legs = legs;
        this.remaining = remaining;
        this.remainingSdp = remainingSdp;
        this.remainingOrigin = remainingOrigin;
        this.transferor = transferor;
        this.target = target;
        this.targetOrigin = new SdpOrigin(mediaHost);
    }

    synchronized void start() {
        remaining.setOfferHandler(offer -> relay(offer, remaining));
        remaining.addListener(new CallListener() {
            @Override
            public void ended(SipCall call, CallEnd end) {
                end(targetLeg);
            }
        });
        targetLeg = legs.callFar(transferor, target,
                SessionDescriptions.asOffer(remainingSdp, targetOrigin, "sendrecv"), new TargetLeg());
        targetLeg.setOfferHandler(offer -> relay(offer, targetLeg));
    }

    private synchronized void end(SipCall other) {
        if (!over) {
            over = true;
            if (other != null) {
                other.hangUp();
            }
        }
    }

    private synchronized SessionAnswer relay(String offer, SipCall from) {
        boolean fromRemaining = from == remaining;
        String otherSdp = fromRemaining ? targetSdp : remainingSdp;
        SipCall other = fromRemaining ? targetLeg : remaining;
        if (otherSdp == null || over) {
            return SessionAnswer.notAcceptable("the transfer is not connected yet");
        }
        String direction = SessionDescriptions.direction(offer);
        other.reoffer(SessionDescriptions.asOffer(offer, fromRemaining ? targetOrigin : remainingOrigin, direction));
        return SessionAnswer.accept(SessionDescriptions.asOffer(otherSdp,
                fromRemaining ? remainingOrigin : targetOrigin, SessionDescriptions.complement(direction)));
    }

    private final class TargetLeg implements CallListener {
        @Override
        public void connected(SipCall call, String sdpAnswer) {
            synchronized (Bridge.this) {
                targetSdp = sdpAnswer;
            }
            remaining.reoffer(SessionDescriptions.asOffer(sdpAnswer, remainingOrigin, "sendrecv"))
                    .whenComplete((answer, failure) -> {
                        if (failure != null) {
                            LOG.info("Transfer to {}: the transferred party refused the new media: {}", target,
                                    failure.toString());
                            end(remaining);
                            call.hangUp();
                            return;
                        }
                        synchronized (Bridge.this) {
                            remainingSdp = answer;
                        }
                    });
        }

        @Override
        public void ended(SipCall call, CallEnd end) {
            LOG.debug("Transfer to {} ended: {}", target, end);
            end(remaining);
        }
    }
}
