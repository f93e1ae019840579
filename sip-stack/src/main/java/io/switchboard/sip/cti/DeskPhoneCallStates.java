package io.switchboard.sip.cti;

import io.switchboard.core.model.Address;
import io.switchboard.core.model.Call;
import io.switchboard.core.model.CallEndReason;
import io.switchboard.core.model.CallState;
import io.switchboard.core.model.InvalidAddressException;
import io.switchboard.sip.csta.Cause;
import io.switchboard.sip.csta.ConnectionClearedEvent;
import io.switchboard.sip.csta.ConnectionId;
import io.switchboard.sip.csta.CstaEvent;
import io.switchboard.sip.csta.DeliveredEvent;
import io.switchboard.sip.csta.DeviceId;
import io.switchboard.sip.csta.EstablishedEvent;
import io.switchboard.sip.csta.FailedEvent;
import io.switchboard.sip.csta.HeldEvent;
import io.switchboard.sip.csta.LocalConnectionState;
import io.switchboard.sip.csta.OriginatedEvent;
import io.switchboard.sip.csta.RetrievedEvent;
import io.switchboard.sip.csta.ServiceInitiatedEvent;
import io.switchboard.sip.csta.TransferredEvent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The calls of one monitored desk line as {@link Call} snapshots, followed from the CSTA events of
 * its monitor (ECMA-269 call model) and from what the user asked for. Pure bookkeeping: no I/O, so
 * the mapping is tested without a gateway. Not thread-safe; {@link DeskPhoneCalls} serialises it.
 *
 * <p>Calls are keyed by the CSTA call ID: the gateway reports the far party's connection for
 * ringing and answer and the line's for the rest, both of the same call.
 */
final class DeskPhoneCallStates {

    private final DeviceId line;
    private final Clock clock;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    /** Calls the user hung up or declined from the client: their clearing is not the far end's. */
    private final Set<String> clearedByMe = new HashSet<>();

    DeskPhoneCallStates(DeviceId line, Clock clock) {
        this.line = Objects.requireNonNull(line, "line");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The MakeCall or ConsultationCall for {@code remote} was accepted as call {@code callId}. */
    Call placed(String callId, Address remote) {
        // its first events may have come in before the response
        Call call = calls.computeIfAbsent(callId, id -> Call.placed(id, remote, clock.instant()));
        if (!call.remote().equals(remote) && call.state() != CallState.ENDED) {
            call = new Call(call.id(), remote, true, call.state(), false, call.startedAt(), call.connectedAt(),
                    call.end(), call.detail());
            calls.put(callId, call);
        }
        return call;
    }

    /** The user asked the gateway to clear the call; its ConnectionCleared is then mine. */
    void clearingByMe(String callId) {
        clearedByMe.add(callId);
    }

    /**
     * A request about the call failed so that the call cannot go on (e.g. the gateway no longer
     * knows it): it ends with {@code detail}.
     */
    Optional<Call> failed(String callId, String detail) {
        Call call = calls.remove(callId);
        if (call == null) {
            return Optional.empty();
        }
        clearedByMe.remove(callId);
        return Optional.of(call.ended(CallEndReason.FAILED, detail));
    }

    /** The calls not yet ended, oldest first. */
    List<Call> live() {
        return List.copyOf(calls.values());
    }

    Optional<Call> call(String callId) {
        return Optional.ofNullable(calls.get(callId));
    }

    /** The snapshots {@code event} changed (usually one; two for a consulted transfer), possibly none. */
    List<Call> apply(CstaEvent event) {
        List<Call> changed = new ArrayList<>();
        if (event instanceof ServiceInitiatedEvent) {
            // the phone went off-hook: nothing to show until we know whom it calls (Originated)
            return changed;
        } else if (event instanceof OriginatedEvent originated) {
            idOf(originated.originatingConnection()).flatMap(id -> outgoing(id, originated.calledDevice()))
                    .ifPresent(changed::add);
        } else if (event instanceof DeliveredEvent delivered) {
            delivered(delivered).ifPresent(changed::add);
        } else if (event instanceof EstablishedEvent established) {
            update(established.establishedConnection(), call -> call.connected(clock.instant())).ifPresent(changed::add);
        } else if (event instanceof HeldEvent held) {
            update(held.heldConnection(), call -> call.withState(CallState.ON_HOLD)).ifPresent(changed::add);
        } else if (event instanceof RetrievedEvent retrieved) {
            update(retrieved.retrievedConnection(), call -> call.connected(clock.instant())).ifPresent(changed::add);
        } else if (event instanceof TransferredEvent transferred) {
            end(transferred.primaryOldCall(), CallEndReason.TRANSFERRED, "").ifPresent(changed::add);
            if (transferred.secondaryOldCall() != null) {
                end(transferred.secondaryOldCall(), CallEndReason.TRANSFERRED, "").ifPresent(changed::add);
            }
        } else if (event instanceof ConnectionClearedEvent cleared) {
            cleared(cleared).ifPresent(changed::add);
        } else if (event instanceof FailedEvent failed) {
            end(failed.failedConnection(), endReason(failed.cause()), failureDetail(failed)).ifPresent(changed::add);
        }
        return changed;
    }

    private Optional<Call> delivered(DeliveredEvent delivered) {
        Optional<String> id = idOf(delivered.connection());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        boolean ringingAtLine = delivered.localState() == LocalConnectionState.ALERTING
                || line.equals(delivered.alertingDevice()) && !calls.containsKey(id.get());
        if (ringingAtLine) {
            if (calls.containsKey(id.get())) {
                return Optional.empty();   // a repeated report of the same ringing
            }
            Call incoming = Call.ringingHere(id.get(), address(delivered.callingDevice()), clock.instant());
            calls.put(id.get(), incoming);
            return Optional.of(incoming);
        }
        // our own call rings at the far end
        DeviceId far = delivered.alertingDevice() != null ? delivered.alertingDevice() : delivered.calledDevice();
        return outgoing(id.get(), far).map(call -> replace(call.withState(CallState.RINGING)));
    }

    /** The outgoing call {@code callId}, made known by its first event if the MakeCall response is still on its way. */
    private Optional<Call> outgoing(String callId, DeviceId called) {
        Call known = calls.get(callId);
        if (known != null) {
            return Optional.of(known);
        }
        Call placed = Call.placed(callId, address(called), clock.instant());
        calls.put(callId, placed);
        return Optional.of(placed);
    }

    private Optional<Call> cleared(ConnectionClearedEvent cleared) {
        Optional<String> id = idOf(cleared.droppedConnection());
        if (id.isEmpty() || !calls.containsKey(id.get())) {
            return Optional.empty();
        }
        Call call = calls.get(id.get());
        CallEndReason reason;
        if (clearedByMe.contains(id.get())) {
            reason = call.outgoing() || call.connectedAt().isPresent() ? CallEndReason.HUNG_UP
                    : CallEndReason.DECLINED_BY_ME;
        } else {
            reason = CallEndReason.REMOTE_HUNG_UP;
        }
        return end(cleared.droppedConnection(), reason, "");
    }

    private Optional<Call> end(ConnectionId connection, CallEndReason reason, String detail) {
        return idOf(connection).flatMap(id -> {
            Call call = calls.remove(id);
            clearedByMe.remove(id);
            return Optional.ofNullable(call).map(c -> c.ended(reason, detail));
        });
    }

    private Optional<Call> update(ConnectionId connection, java.util.function.UnaryOperator<Call> change) {
        return idOf(connection).map(calls::get).map(call -> replace(change.apply(call)));
    }

    private Call replace(Call call) {
        calls.put(call.id(), call);
        return call;
    }

    private static Optional<String> idOf(ConnectionId connection) {
        return Optional.ofNullable(connection).map(ConnectionId::callId);
    }

    /** The party a device stands for; a device the gateway did not name (or a dial string) reads as "unknown". */
    static Address address(DeviceId device) {
        if (device == null) {
            return Address.of("unknown", "unknown");
        }
        try {
            return Address.parse(device.value());
        } catch (InvalidAddressException e) {
            return Address.of("unknown", "unknown");
        }
    }

    static CallEndReason endReason(Cause cause) {
        return switch (cause) {
            case BUSY, TRUNKS_BUSY, SELECTED_TRUNK_BUSY -> CallEndReason.BUSY;
            case CALL_NOT_ANSWERED, TIMEOUT -> CallEndReason.NO_ANSWER;
            case CALL_CANCELLED, DO_NOT_DISTURB, BLOCKED -> CallEndReason.DECLINED;
            case DEST_NOT_OBTAINABLE, NUMBER_UNALLOCATED, INVALID_NUMBER_FORMAT -> CallEndReason.NOT_FOUND;
            case NETWORK_NOT_OBTAINABLE, DEST_OUT_OF_ORDER -> CallEndReason.UNAVAILABLE;
            case INCOMPATIBLE_DESTINATION -> CallEndReason.NO_COMMON_MEDIA;
            default -> CallEndReason.FAILED;
        };
    }

    /** What the call window and the history say about a failed desk call. */
    static String failureDetail(FailedEvent failed) {
        String who = failed.failingDevice() == null ? "The other side" : address(failed.failingDevice()).toString();
        return switch (failed.cause()) {
            case BUSY, TRUNKS_BUSY, SELECTED_TRUNK_BUSY -> who + " is busy";
            case CALL_NOT_ANSWERED, TIMEOUT -> who + " did not answer";
            case CALL_CANCELLED, BLOCKED -> who + " declined the call";
            case DO_NOT_DISTURB -> who + " does not want to be disturbed";
            case DEST_NOT_OBTAINABLE, NUMBER_UNALLOCATED, INVALID_NUMBER_FORMAT -> who + " cannot be reached";
            case NETWORK_NOT_OBTAINABLE, DEST_OUT_OF_ORDER -> who + " is not signed in on any phone";
            case INCOMPATIBLE_DESTINATION -> "The phones have no audio format in common";
            case UNKNOWN -> "The desk phone call failed";
            default -> "The desk phone call failed (" + failed.cause().xmlValue() + ")";
        };
    }
}
