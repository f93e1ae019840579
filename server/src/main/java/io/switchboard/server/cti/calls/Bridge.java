package io.switchboard.server.cti.calls;

import io.switchboard.core.model.Address;
import io.switchboard.sip.call.CallEnd;
import io.switchboard.sip.call.CallListener;
import io.switchboard.sip.call.SessionAnswer;
import io.switchboard.sip.call.SipCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What is left of desk calls after the line transferred them away: two far parties connected to
 * each other through the gateway, until either hangs up. Single-step transfer joins the remaining
 * party to a new leg to the target; a consultation transfer joins the far parties of the line's two
 * calls. No line watches a bridge.
 */
final class Bridge {

    private static final Logger LOG = LoggerFactory.getLogger(Bridge.class);

    /** A consultation transfer joins this party; a single-step one calls {@link #target} instead. */
    private final DeskCall.FarParty joining;
    private final LegFactory legs;
    private final Address transferor;
    private final Address target;
    private final String mediaHost;
    private final SipCall first;
    private final SdpOrigin firstOrigin;
    private String firstSdp;
    private SipCall second;
    private SdpOrigin secondOrigin;
    private String secondSdp;
    private boolean over;

    private Bridge(DeskCall.FarParty first, DeskCall.FarParty joining, LegFactory legs, Address transferor,
                   Address target, String mediaHost) {
        this.first = first.leg();
        this.firstSdp = first.sdp();
        this.firstOrigin = first.origin();
        this.joining = joining;
        this.legs = legs;
        this.transferor = transferor;
        this.target = target;
        this.mediaHost = mediaHost;
    }

    /** Single-step transfer: {@code remaining} is connected to {@code target}, called now as {@code transferor}. */
    static Bridge toNewParty(LegFactory legs, DeskCall.FarParty remaining, Address transferor, Address target,
                             String mediaHost) {
        return new Bridge(remaining, null, legs, transferor, target, mediaHost);
    }

    /** Consultation transfer: the far parties of the line's two calls are connected to each other. */
    static Bridge joining(DeskCall.FarParty held, DeskCall.FarParty active) {
        return new Bridge(held, active, null, null, null, null);
    }

    synchronized void start() {
        first.setOfferHandler(offer -> relay(offer, first));
        first.addListener(new CallListener() {
            @Override
            public void ended(SipCall call, CallEnd end) {
                end(second);
            }
        });
        if (joining != null) {
            join(joining);
        } else {
            callTarget();
        }
    }

    private void callTarget() {
        SdpOrigin origin = new SdpOrigin(mediaHost);
        secondOrigin = origin;
        second = legs.callFar(transferor, target, SessionDescriptions.asOffer(firstSdp, origin, "sendrecv"),
                new CallListener() {
                    @Override
                    public void connected(SipCall call, String sdpAnswer) {
                        synchronized (Bridge.this) {
                            secondSdp = sdpAnswer;
                        }
                        reoffer(first, sdpAnswer, firstOrigin, true);
                    }

                    @Override
                    public void ended(SipCall call, CallEnd end) {
                        LOG.debug("Transfer to {} ended: {}", target, end);
                        end(first);
                    }
                });
        second.setOfferHandler(offer -> relay(offer, second));
    }

    private void join(DeskCall.FarParty other) {
        second = other.leg();
        secondSdp = other.sdp();
        secondOrigin = other.origin();
        second.setOfferHandler(offer -> relay(offer, second));
        second.addListener(new CallListener() {
            @Override
            public void ended(SipCall call, CallEnd end) {
                end(first);
            }
        });
        // each learns where the other's media is; both were held or talking to the desk phone
        reoffer(first, secondSdp, firstOrigin, true);
        reoffer(second, firstSdp, secondOrigin, false);
    }

    /** Offers {@code leg} the other side's media; its answer is kept as its description. */
    private void reoffer(SipCall leg, String otherSdp, SdpOrigin origin, boolean isFirst) {
        leg.reoffer(SessionDescriptions.asOffer(otherSdp, origin, "sendrecv")).whenComplete((answer, failure) -> {
            if (failure != null) {
                LOG.info("Transfer: {} refused the new media: {}", leg.remote(), failure.toString());
                end(leg);
                leg.hangUp();
                return;
            }
            synchronized (Bridge.this) {
                if (isFirst) {
                    firstSdp = answer;
                } else {
                    secondSdp = answer;
                }
            }
        });
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
        boolean fromFirst = from == first;
        String otherSdp = fromFirst ? secondSdp : firstSdp;
        SipCall other = fromFirst ? second : first;
        if (otherSdp == null || other == null || over) {
            return SessionAnswer.notAcceptable("the transfer is not connected yet");
        }
        String direction = SessionDescriptions.direction(offer);
        other.reoffer(SessionDescriptions.asOffer(offer, fromFirst ? secondOrigin : firstOrigin, direction));
        return SessionAnswer.accept(SessionDescriptions.asOffer(otherSdp, fromFirst ? firstOrigin : secondOrigin,
                SessionDescriptions.complement(direction)));
    }
}
