package io.switchboard.app.phone;

import io.switchboard.app.ui.Background;
import io.switchboard.app.ui.Scheduler;
import io.switchboard.core.model.Address;
import io.switchboard.core.service.CallService;

import java.time.Clock;
import java.util.Objects;

/**
 * What every call window's buttons act on, made once per softphone by {@link PhoneViewModel}.
 *
 * @param self          my address, whose domain a bare transfer target belongs to
 * @param consultations where "consult first" places its call
 */
public record CallWindowServices(CallService calls, Background background, Scheduler scheduler, Clock clock,
                                 Address self, CallAudioControls audio, Consultations consultations) {

    public CallWindowServices {
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(background, "background");
        Objects.requireNonNull(scheduler, "scheduler");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(consultations, "consultations");
    }
}
