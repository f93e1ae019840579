package io.switchboard.sip.csta;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The services a side supports, named as their request elements are ({@code "MakeCall"},
 * {@code "MonitorStart"}, {@code "GetCSTAFeatures"}). ECMA-323 lists them as empty elements, spelled with a
 * lower-case first letter, grouped under {@code <supportedServices>} by kind of service; the grouping is the
 * writer's concern, not kept here.
 */
public record GetCstaFeaturesResponse(Set<String> supportedServices) implements CstaResponse {

    public static final int MAX_SERVICES = 256;
    private static final Pattern SERVICE_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{0,63}");

    public GetCstaFeaturesResponse {
        supportedServices = Set.copyOf(supportedServices);
        if (supportedServices.size() > MAX_SERVICES) {
            throw new IllegalArgumentException("more than " + MAX_SERVICES + " supported services");
        }
        for (String name : supportedServices) {
            if (!isServiceName(name)) {
                throw new IllegalArgumentException("not a service name: " + CstaText.abbreviate(name));
            }
        }
    }

    /** An ASCII name with a capital first letter, at most 64 characters: what a CSTA service element can be called. */
    public static boolean isServiceName(String name) {
        return name != null && SERVICE_NAME.matcher(name).matches();
    }
}
