package io.switchboard.sip.csta;

import java.util.Set;

/**
 * The positive answer, without parameters, to a service whose response carries nothing this codec
 * keeps: written as the empty {@code <AnswerCallResponse/>}, {@code <ClearConnectionResponse/>} etc.
 * One record rather than seven because the gateway treats them all alike: the request was done.
 *
 * @param serviceName the service, as its request element is named: one of {@link #SERVICES}
 */
public record PositiveAck(String serviceName) implements CstaResponse {

    /** The services answered with a {@code PositiveAck}. */
    public static final Set<String> SERVICES = Set.of("AnswerCall", "ClearConnection", "HoldCall", "RetrieveCall",
            "SingleStepTransferCall", "GenerateDigits", "SetDoNotDisturb");

    public PositiveAck {
        if (serviceName == null || !SERVICES.contains(serviceName)) {
            throw new IllegalArgumentException("no parameterless response for the service "
                    + CstaText.abbreviate(serviceName));
        }
    }

    /** The acknowledgement of this request's service; an {@link IllegalArgumentException} for services with their own response. */
    public static PositiveAck of(CstaRequest request) {
        return new PositiveAck(request.getClass().getSimpleName());
    }

    /** The response element's name, e.g. {@code AnswerCallResponse}. */
    public String elementName() {
        return serviceName + "Response";
    }
}
