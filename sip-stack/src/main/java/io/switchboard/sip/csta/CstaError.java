package io.switchboard.sip.csta;

import java.util.Objects;
import java.util.Optional;

/**
 * A CSTA error value (ECMA-269 §12.2.12, the content of ECMA-323's {@code <CSTAErrorCode>}): a category,
 * written as the child element's name, and a value, written as its text. A record rather than an enum so
 * that values this codec has no constant for still parse and round-trip; the constants below are the ones
 * the gateway answers with.
 */
public record CstaError(Category category, String value) {

    public static final int MAX_VALUE_LENGTH = 64;

    /** The error categories of ECMA-323 {@code CSTAErrorCode}, each an element name. */
    public enum Category {
        OPERATION("operation"),
        SECURITY("security"),
        STATE_INCOMPATIBILITY("stateIncompatibility"),
        SYSTEM_RESOURCE_AVAILABILITY("systemResourceAvailability"),
        SUBSCRIBED_RESOURCE_AVAILABILITY("subscribedResourceAvailability"),
        PERFORMANCE_MANAGEMENT("performanceManagement"),
        PRIVATE_DATA("privateData"),
        UNSPECIFIED("unspecified");

        private final String elementName;

        Category(String elementName) {
            this.elementName = elementName;
        }

        public String elementName() {
            return elementName;
        }

        public static Optional<Category> fromElementName(String name) {
            for (Category category : values()) {
                if (category.elementName.equals(name)) {
                    return Optional.of(category);
                }
            }
            return Optional.empty();
        }
    }

    public static final CstaError OPERATION_GENERIC = operation("generic");
    public static final CstaError REQUEST_INCOMPATIBLE_WITH_OBJECT = operation("requestIncompatibleWithObject");
    public static final CstaError VALUE_OUT_OF_RANGE = operation("valueOutOfRange");
    public static final CstaError OBJECT_NOT_KNOWN = operation("objectNotKnown");
    public static final CstaError INVALID_CALLING_DEVICE = operation("invalidCallingDevice");
    public static final CstaError INVALID_CALLED_DEVICE = operation("invalidCalledDevice");
    public static final CstaError PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE =
            operation("privilegeViolationOnSpecifiedDevice");
    public static final CstaError INVALID_CALL_ID = operation("invalidCallID");
    public static final CstaError INVALID_DEVICE_ID = operation("invalidDeviceID");
    public static final CstaError INVALID_CONNECTION_ID = operation("invalidConnectionID");
    public static final CstaError INVALID_DESTINATION = operation("invalidDestination");
    /** The service or a requested feature of it is not supported. */
    public static final CstaError INVALID_FEATURE = operation("invalidFeature");
    public static final CstaError INVALID_CROSS_REF_ID = operation("invalidCrossRefID");
    public static final CstaError SECURITY_GENERIC = new CstaError(Category.SECURITY, "generic");
    public static final CstaError STATE_GENERIC = new CstaError(Category.STATE_INCOMPATIBILITY, "generic");
    public static final CstaError INVALID_OBJECT_STATE = new CstaError(Category.STATE_INCOMPATIBILITY, "invalidObjectState");
    public static final CstaError NO_ACTIVE_CALL = new CstaError(Category.STATE_INCOMPATIBILITY, "noActiveCall");
    public static final CstaError NO_HELD_CALL = new CstaError(Category.STATE_INCOMPATIBILITY, "noHeldCall");
    public static final CstaError NO_CALL_TO_ANSWER = new CstaError(Category.STATE_INCOMPATIBILITY, "noCallToAnswer");
    public static final CstaError SYSTEM_RESOURCE_GENERIC =
            new CstaError(Category.SYSTEM_RESOURCE_AVAILABILITY, "generic");
    public static final CstaError SERVICE_BUSY = new CstaError(Category.SYSTEM_RESOURCE_AVAILABILITY, "serviceBusy");
    public static final CstaError RESOURCE_BUSY = new CstaError(Category.SYSTEM_RESOURCE_AVAILABILITY, "resourceBusy");
    public static final CstaError RESOURCE_OUT_OF_SERVICE =
            new CstaError(Category.SYSTEM_RESOURCE_AVAILABILITY, "resourceOutOfService");
    public static final CstaError OVERALL_MONITOR_LIMIT_EXCEEDED =
            new CstaError(Category.SYSTEM_RESOURCE_AVAILABILITY, "overallMonitorLimitExceeded");
    public static final CstaError OBJECT_MONITOR_LIMIT_EXCEEDED =
            new CstaError(Category.SUBSCRIBED_RESOURCE_AVAILABILITY, "objectMonitorLimitExceeded");
    public static final CstaError PERFORMANCE_LIMIT_EXCEEDED =
            new CstaError(Category.PERFORMANCE_MANAGEMENT, "performanceLimitExceeded");
    public static final CstaError UNSPECIFIED = new CstaError(Category.UNSPECIFIED, "unspecified");

    public CstaError {
        Objects.requireNonNull(category, "category");
        value = CstaText.token(value, "CSTA error value", MAX_VALUE_LENGTH);
    }

    private static CstaError operation(String value) {
        return new CstaError(Category.OPERATION, value);
    }
}
