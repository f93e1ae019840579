package io.switchboard.server.cti;

import io.switchboard.core.model.Address;
import io.switchboard.server.cti.calls.DeskCallRefusedException;
import io.switchboard.server.cti.calls.ThirdPartyCallControl;
import io.switchboard.server.sip.registrar.LocationService;
import io.switchboard.server.store.DeskLineStore;
import io.switchboard.server.store.StoreException;
import io.switchboard.sip.csta.AnswerCall;
import io.switchboard.sip.csta.ClearConnection;
import io.switchboard.sip.csta.ConsultationCall;
import io.switchboard.sip.csta.ConsultationCallResponse;
import io.switchboard.sip.csta.ConnectionId;
import io.switchboard.sip.csta.CstaError;
import io.switchboard.sip.csta.CstaErrorCode;
import io.switchboard.sip.csta.CstaRequest;
import io.switchboard.sip.csta.CstaResponse;
import io.switchboard.sip.csta.DeviceId;
import io.switchboard.sip.csta.GenerateDigits;
import io.switchboard.sip.csta.GetCstaFeatures;
import io.switchboard.sip.csta.GetCstaFeaturesResponse;
import io.switchboard.sip.csta.HoldCall;
import io.switchboard.sip.csta.MakeCall;
import io.switchboard.sip.csta.MakeCallResponse;
import io.switchboard.sip.csta.MonitorStart;
import io.switchboard.sip.csta.MonitorStartResponse;
import io.switchboard.sip.csta.MonitorStop;
import io.switchboard.sip.csta.MonitorStopResponse;
import io.switchboard.sip.csta.PositiveAck;
import io.switchboard.sip.csta.RequestSystemStatus;
import io.switchboard.sip.csta.RequestSystemStatusResponse;
import io.switchboard.sip.csta.RetrieveCall;
import io.switchboard.sip.csta.SetDoNotDisturb;
import io.switchboard.sip.csta.SingleStepTransferCall;
import io.switchboard.sip.csta.TransferCall;
import io.switchboard.sip.csta.TransferCallResponse;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out CSTA requests (ECMA-323) for a CTI session: a user controls and monitors only the
 * desk lines assigned to them; calls are made and driven by {@link ThirdPartyCallControl}. Every
 * refusal is a CSTA error, never a dropped request. Thread-safe.
 */
final class CstaService {

    /** The services this gateway carries out; the others are answered with invalidFeature. */
    static final Set<String> SUPPORTED = Set.of("MonitorStart", "MonitorStop", "MakeCall", "AnswerCall",
            "ClearConnection", "HoldCall", "RetrieveCall", "SingleStepTransferCall", "ConsultationCall",
            "TransferCall", "GenerateDigits", "SetDoNotDisturb", "RequestSystemStatus", "GetCSTAFeatures");

    private static final Logger LOG = LoggerFactory.getLogger(CstaService.class);

    private final DeskLineStore lines;
    private final LocationService locations;
    private final DeskDevices devices;
    private volatile ThirdPartyCallControl calls;

    CstaService(DeskLineStore lines, LocationService locations, DeskDevices devices) {
        this.lines = Objects.requireNonNull(lines, "lines");
        this.locations = Objects.requireNonNull(locations, "locations");
        this.devices = Objects.requireNonNull(devices, "devices");
    }

    /** Connects the call control once the gateway's user agent runs. */
    void callControl(ThirdPartyCallControl callControl) {
        this.calls = callControl;
    }

    /**
     * As {@link #handle}, for a request in an INFO: what the desk phones carry out (AnswerCall,
     * GenerateDigits, HoldCall, RetrieveCall) completes when the phones have done it or refused.
     */
    CompletableFuture<CstaResponse> handleLater(CtiSession session, CstaRequest request, CtiLimits limits) {
        try {
            if (request instanceof GenerateDigits digits) {
                ConnectionId connection = digits.connectionToSendDigits();
                String line = ownedLine(session, connection);
                return callControl().generateDigits(line, connection.callId(), digits.charactersToSend())
                        .thenApply(answer -> answer.orElseGet(() -> {
                            LOG.info("GenerateDigits of {} on {}: the desk phone speaks no uaCSTA", session.user(), line);
                            return new CstaErrorCode(CstaError.REQUEST_INCOMPATIBLE_WITH_OBJECT);
                        }));
            } else if (request instanceof AnswerCall answer) {
                ConnectionId call = answer.callToBeAnswered();
                return callControl().answer(ownedLine(session, call), call.callId()).handle((done, failure) -> {
                    if (failure == null) {
                        return new PositiveAck("AnswerCall");
                    }
                    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    LOG.info("AnswerCall of {} not done: {}", session.user(), cause.getMessage());
                    return new CstaErrorCode(cause instanceof DeskCallRefusedException refused
                            ? errorFor(refused.reason()) : CstaError.SYSTEM_RESOURCE_GENERIC);
                });
            } else if (request instanceof HoldCall hold) {
                ConnectionId call = hold.callToBeHeld();
                return whenPhonesAgree(callControl().hold(ownedLine(session, call), call.callId()), "HoldCall");
            } else if (request instanceof RetrieveCall retrieve) {
                ConnectionId call = retrieve.callToBeRetrieved();
                return whenPhonesAgree(callControl().retrieve(ownedLine(session, call), call.callId()), "RetrieveCall");
            }
            return CompletableFuture.completedFuture(handle(session, request, limits));
        } catch (Refusal refusal) {
            return CompletableFuture.completedFuture(new CstaErrorCode(refusal.error));
        } catch (DeskCallRefusedException e) {
            return CompletableFuture.completedFuture(new CstaErrorCode(errorFor(e.reason())));
        } catch (StoreException e) {
            LOG.warn("CTI request of {} failed: {}", session.user(), e.getMessage());
            return CompletableFuture.completedFuture(new CstaErrorCode(CstaError.SYSTEM_RESOURCE_GENERIC));
        }
    }

    /**
     * Hold and retrieve are done when both phones took the new media direction: only then the
     * positive answer; a phone that refused it makes it a CSTA error, and the call stays as it was.
     */
    private static CompletableFuture<CstaResponse> whenPhonesAgree(CompletableFuture<Void> renegotiated, String service) {
        return renegotiated.handle((done, failure) -> {
            if (failure == null) {
                return new PositiveAck(service);
            }
            LOG.info("{} not done: a phone refused the new media direction: {}", service, failure.toString());
            return new CstaErrorCode(CstaError.INVALID_OBJECT_STATE);
        });
    }

    CstaResponse handle(CtiSession session, CstaRequest request, CtiLimits limits) {
        try {
            return execute(session, request, limits);
        } catch (Refusal refusal) {
            LOG.debug("{} of {} refused: {}", request.getClass().getSimpleName(), session.user(), refusal.getMessage());
            return new CstaErrorCode(refusal.error);
        } catch (DeskCallRefusedException e) {
            LOG.debug("{} of {} refused: {}", request.getClass().getSimpleName(), session.user(), e.getMessage());
            return new CstaErrorCode(errorFor(e.reason()));
        } catch (StoreException e) {
            LOG.warn("CTI request of {} failed: {}", session.user(), e.getMessage());
            return new CstaErrorCode(CstaError.SYSTEM_RESOURCE_GENERIC);
        }
    }

    private CstaResponse execute(CtiSession session, CstaRequest request, CtiLimits limits)
            throws Refusal, DeskCallRefusedException, StoreException {
        if (request instanceof RequestSystemStatus) {
            return new RequestSystemStatusResponse();
        } else if (request instanceof GetCstaFeatures) {
            return new GetCstaFeaturesResponse(SUPPORTED);
        } else if (request instanceof MonitorStart start) {
            String line = ownedLine(session, start.monitorObject());
            if (session.monitorCount() >= limits.monitorsPerSession()) {
                throw new Refusal(CstaError.OBJECT_MONITOR_LIMIT_EXCEEDED, "too many monitors");
            }
            String crossRef = session.monitor(line);
            LOG.info("{} monitors desk line {} ({})", session.user(), line, crossRef);
            return new MonitorStartResponse(crossRef);
        } else if (request instanceof MonitorStop stop) {
            session.stopMonitor(stop.crossRefId())
                    .orElseThrow(() -> new Refusal(CstaError.INVALID_CROSS_REF_ID, "no monitor " + stop.crossRefId()));
            return new MonitorStopResponse();
        } else if (request instanceof MakeCall make) {
            String line = ownedLine(session, make.callingDevice());
            Address called = devices.localUser(make.calledDirectoryNumber()).map(devices::address)
                    .orElseThrow(() -> new Refusal(CstaError.INVALID_CALLED_DEVICE,
                            "cannot call " + make.calledDirectoryNumber()));
            if (locations.bindings(line).isEmpty()) {
                throw new Refusal(CstaError.RESOURCE_OUT_OF_SERVICE, "the desk phone of " + line + " is not registered");
            }
            String callId = callControl().makeCall(line, devices.address(session.user()), called);
            return new MakeCallResponse(new ConnectionId(callId, devices.device(line)));
        } else if (request instanceof AnswerCall answer) {
            callControl().answer(ownedLine(session, answer.callToBeAnswered()), answer.callToBeAnswered().callId());
            return new PositiveAck("AnswerCall"); // asked of the phone; handleLater waits for it
        } else if (request instanceof ConsultationCall consult) {
            return consult(session, consult);
        } else if (request instanceof TransferCall transfer) {
            String line = ownedLine(session, transfer.heldCall());
            if (!line.equals(ownedLine(session, transfer.activeCall()))) {
                throw new Refusal(CstaError.INVALID_CONNECTION_ID, "the two calls are on different lines");
            }
            callControl().transfer(line, transfer.heldCall().callId(), transfer.activeCall().callId());
            return new TransferCallResponse(transfer.heldCall());
        } else if (request instanceof SetDoNotDisturb dnd) {
            String line = ownedLine(session, dnd.device());
            callControl().doNotDisturb(line, dnd.on());
            LOG.info("{} turned do-not-disturb {} on desk line {}", session.user(), dnd.on() ? "on" : "off", line);
            return new PositiveAck("SetDoNotDisturb");
        } else if (request instanceof ClearConnection clear) {
            callControl().clear(ownedLine(session, clear.connectionToBeCleared()), clear.connectionToBeCleared().callId());
            return new PositiveAck("ClearConnection");
        } else if (request instanceof HoldCall hold) {
            callControl().hold(ownedLine(session, hold.callToBeHeld()), hold.callToBeHeld().callId());
            return new PositiveAck("HoldCall");
        } else if (request instanceof RetrieveCall retrieve) {
            callControl().retrieve(ownedLine(session, retrieve.callToBeRetrieved()),
                    retrieve.callToBeRetrieved().callId());
            return new PositiveAck("RetrieveCall");
        } else if (request instanceof SingleStepTransferCall transfer) {
            String line = ownedLine(session, transfer.activeCall());
            Address target = devices.localUser(transfer.transferredTo()).map(devices::address)
                    .orElseThrow(() -> new Refusal(CstaError.INVALID_DESTINATION,
                            "cannot transfer to " + transfer.transferredTo()));
            callControl().singleStepTransfer(line, transfer.activeCall().callId(), target);
            return new PositiveAck("SingleStepTransferCall");
        }
        throw new Refusal(CstaError.INVALID_FEATURE, request.getClass().getSimpleName() + " is not supported yet");
    }

    /** Holds the existing call and calls the consulted party from the line. */
    private CstaResponse consult(CtiSession session, ConsultationCall consult)
            throws Refusal, DeskCallRefusedException, StoreException {
        String line = ownedLine(session, consult.existingCall());
        Address consulted = devices.localUser(consult.consultedDevice()).map(devices::address)
                .orElseThrow(() -> new Refusal(CstaError.INVALID_CALLED_DEVICE,
                        "cannot call " + consult.consultedDevice()));
        String callId = callControl().consult(line, consult.existingCall().callId(), devices.address(session.user()),
                consulted);
        return new ConsultationCallResponse(new ConnectionId(callId, devices.device(line)));
    }

    private String ownedLine(CtiSession session, ConnectionId connection) throws Refusal, StoreException {
        if (connection == null || connection.device() == null) {
            throw new Refusal(CstaError.INVALID_CONNECTION_ID, "no connection");
        }
        return ownedLine(session, connection.device());
    }

    /** The line {@code device} names, if the session's user owns it. */
    private String ownedLine(CtiSession session, DeviceId device) throws Refusal, StoreException {
        String line = devices.localUser(device)
                .orElseThrow(() -> new Refusal(CstaError.INVALID_DEVICE_ID, "not a device here: " + device));
        Optional<String> owner = lines.owner(line);
        if (owner.isEmpty()) {
            throw new Refusal(CstaError.INVALID_DEVICE_ID, line + " is no desk line");
        }
        if (!owner.get().equals(session.user())) {
            LOG.info("{} tried to control desk line {} of {}", session.user(), line, owner.get());
            throw new Refusal(CstaError.PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE, line + " is not " + session.user() + "'s");
        }
        return line;
    }

    private ThirdPartyCallControl callControl() throws Refusal {
        ThirdPartyCallControl current = calls;
        if (current == null) {
            throw new Refusal(CstaError.SERVICE_BUSY, "the call control is not running");
        }
        return current;
    }

    private static CstaError errorFor(DeskCallRefusedException.Reason reason) {
        return switch (reason) {
            case NO_SUCH_CALL -> CstaError.INVALID_CONNECTION_ID;
            case INVALID_STATE -> CstaError.INVALID_OBJECT_STATE;
            case DEVICE_OUT_OF_SERVICE -> CstaError.RESOURCE_OUT_OF_SERVICE;
            case RESOURCE_BUSY -> CstaError.RESOURCE_BUSY;
            case PHONE_CANNOT -> CstaError.REQUEST_INCOMPATIBLE_WITH_OBJECT;
        };
    }

    /** A request refused with a CSTA error. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient CstaError error;

        Refusal(CstaError error, String message) {
            super(message, null, false, false);
            this.error = error;
        }
    }
}
