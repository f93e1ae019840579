package io.switchboard.app.phone;

import io.switchboard.app.ui.Background;
import io.switchboard.app.ui.Scheduler;
import io.switchboard.core.model.Address;
import io.switchboard.core.service.CallService;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every call window's buttons act on, made once per softphone by {@link PhoneViewModel}.
 *
 * @param self          my address, whose domain a bare transfer target belongs to
 * @param consultations where "consult first" places its call
 * @param deskLine      the desk line the calls use now ("1001"), empty when they use this computer
 */
public record CallWindowServices(CallService calls, Background background, Scheduler scheduler, Clock clock,
                                 Address self, CallAudioControls audio, Consultations consultations,
                                 Supplier<Optional<String>> deskLine) {

    /** Calls on this computer only. */
    public CallWindowServices(CallService calls, Background background, Scheduler scheduler, Clock clock,
                              Address self, CallAudioControls audio, Consultations consultations) {
        this(calls, background, scheduler, clock, self, audio, consultations, Optional::empty);
    }

    public CallWindowServices {
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(consultations, "consultations");
        Objects.requireNonNull(deskLine, "deskLine");
    }
}
