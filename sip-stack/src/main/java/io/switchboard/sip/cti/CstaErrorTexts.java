package io.switchboard.sip.cti;

import io.switchboard.sip.csta.CstaError;

/** What a CSTA error from the gateway means to the user of desk line {@code line}, in words. */
final class CstaErrorTexts {

    private CstaErrorTexts() {
    }

    static String describe(CstaError error, String line) {
        if (error.equals(CstaError.PRIVILEGE_VIOLATION_ON_SPECIFIED_DEVICE)) {
            return "desk line " + line + " is not assigned to you";
        } else if (error.equals(CstaError.INVALID_DEVICE_ID)) {
            return line + " is not a desk line on this server";
        } else if (error.equals(CstaError.RESOURCE_OUT_OF_SERVICE)) {
            return "the desk phone of line " + line + " is not registered (is it plugged in?)";
        } else if (error.equals(CstaError.INVALID_CALLED_DEVICE) || error.equals(CstaError.INVALID_DESTINATION)) {
            return "the server cannot call that number";
        } else if (error.equals(CstaError.INVALID_CONNECTION_ID)) {
            return "the desk phone no longer has this call";
        } else if (error.equals(CstaError.INVALID_OBJECT_STATE) || error.equals(CstaError.NO_ACTIVE_CALL)
                || error.equals(CstaError.NO_HELD_CALL) || error.equals(CstaError.NO_CALL_TO_ANSWER)) {
            return "the desk phone's call is not in a state that allows this";
        } else if (error.equals(CstaError.REQUEST_INCOMPATIBLE_WITH_OBJECT)) {
            return "the desk phone of line " + line + " cannot do this when asked from the computer"
                    + " (it speaks no uaCSTA); use its own keys";
        } else if (error.equals(CstaError.INVALID_FEATURE)) {
            return "the server's CTI gateway does not support this yet";
        } else if (error.equals(CstaError.RESOURCE_BUSY)) {
            return "the desk phone is busy";
        } else if (error.equals(CstaError.SERVICE_BUSY)) {
            return "the server's CTI gateway is not running";
        } else if (error.equals(CstaError.OBJECT_MONITOR_LIMIT_EXCEEDED)
                || error.equals(CstaError.OVERALL_MONITOR_LIMIT_EXCEEDED)) {
            return "the server watches too many desk lines for you already";
        }
        return "the CTI gateway refused (" + error.category().elementName() + ": " + error.value() + ")";
    }
}
