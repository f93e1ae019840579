package io.switchboard.sip.csta;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Writes {@link CstaMessage}s as ECMA-323 edition 3 XML, the form TR/87 peers expect: the XML declaration,
 * the root element in the {@code .../csta/ed3} namespace, elements in ECMA-323's order. Every text is
 * escaped and every value was checked by its record, so any message writes; what is written reads back
 * equal with {@link CstaParser}. Stateless and thread-safe.
 */
public final class CstaWriter {

    /** ECMA-323's groups of {@code supportedServices}, by service; services not listed go under call control. */
    private static final Map<String, String> SERVICE_GROUPS = serviceGroups();

    public String write(CstaMessage message) {
        Objects.requireNonNull(message, "message");
        if (message instanceof CstaRequest request) {
            return request(request);
        }
        if (message instanceof CstaResponse response) {
            return response(response);
        }
        return CstaEventWriter.write((CstaEvent) message);
    }

    private static String request(CstaRequest request) {
        if (request instanceof RequestSystemStatus) {
            return new CstaXmlBuilder("RequestSystemStatus").end();
        } else if (request instanceof GetCstaFeatures) {
            return new CstaXmlBuilder("GetCSTAFeatures").end();
        } else if (request instanceof MonitorStart r) {
            return new CstaXmlBuilder("MonitorStart").open("monitorObject")
                    .text("deviceObject", r.monitorObject().value()).close("monitorObject").end();
        } else if (request instanceof MonitorStop r) {
            return new CstaXmlBuilder("MonitorStop").text("monitorCrossRefID", r.crossRefId()).end();
        } else if (request instanceof MakeCall r) {
            return new CstaXmlBuilder("MakeCall")
                    .text("callingDevice", r.callingDevice().value())
                    .text("calledDirectoryNumber", r.calledDirectoryNumber().value())
                    .text("autoOriginate", r.autoOriginate() ? "doNotPrompt" : "prompt").end();
        } else if (request instanceof AnswerCall r) {
            return connection(new CstaXmlBuilder("AnswerCall"), "callToBeAnswered", r.callToBeAnswered()).end();
        } else if (request instanceof ClearConnection r) {
            return connection(new CstaXmlBuilder("ClearConnection"), "connectionToBeCleared",
                    r.connectionToBeCleared()).end();
        } else if (request instanceof HoldCall r) {
            return connection(new CstaXmlBuilder("HoldCall"), "callToBeHeld", r.callToBeHeld()).end();
        } else if (request instanceof RetrieveCall r) {
            return connection(new CstaXmlBuilder("RetrieveCall"), "callToBeRetrieved", r.callToBeRetrieved()).end();
        } else if (request instanceof SingleStepTransferCall r) {
            return connection(new CstaXmlBuilder("SingleStepTransferCall"), "activeCall", r.activeCall())
                    .text("transferredTo", r.transferredTo().value()).end();
        } else if (request instanceof ConsultationCall r) {
            return connection(new CstaXmlBuilder("ConsultationCall"), "existingCall", r.existingCall())
                    .text("consultedDevice", r.consultedDevice().value()).end();
        } else if (request instanceof TransferCall r) {
            CstaXmlBuilder xml = connection(new CstaXmlBuilder("TransferCall"), "heldCall", r.heldCall());
            return connection(xml, "activeCall", r.activeCall()).end();
        } else if (request instanceof GenerateDigits r) {
            return connection(new CstaXmlBuilder("GenerateDigits"), "connectionToSendDigits",
                    r.connectionToSendDigits()).text("charactersToSend", r.charactersToSend()).end();
        } else {
            SetDoNotDisturb r = (SetDoNotDisturb) request;
            return new CstaXmlBuilder("SetDoNotDisturb").text("device", r.device().value())
                    .text("doNotDisturbOn", Boolean.toString(r.on())).end();
        }
    }

    private static String response(CstaResponse response) {
        if (response instanceof RequestSystemStatusResponse) {
            return new CstaXmlBuilder("RequestSystemStatusResponse").text("systemStatus", "normal").end();
        } else if (response instanceof GetCstaFeaturesResponse r) {
            return features(r);
        } else if (response instanceof MonitorStartResponse r) {
            return new CstaXmlBuilder("MonitorStartResponse").text("monitorCrossRefID", r.crossRefId()).end();
        } else if (response instanceof MonitorStopResponse) {
            return new CstaXmlBuilder("MonitorStopResponse").end();
        } else if (response instanceof MakeCallResponse r) {
            return connection(new CstaXmlBuilder("MakeCallResponse"), "callingDevice", r.callingDevice()).end();
        } else if (response instanceof ConsultationCallResponse r) {
            return connection(new CstaXmlBuilder("ConsultationCallResponse"), "initiatedCall", r.initiatedCall())
                    .end();
        } else if (response instanceof TransferCallResponse r) {
            return connection(new CstaXmlBuilder("TransferCallResponse"), "transferredCall", r.transferredCall())
                    .end();
        } else if (response instanceof PositiveAck r) {
            return new CstaXmlBuilder(r.elementName()).end();
        } else {
            CstaError error = ((CstaErrorCode) response).error();
            return new CstaXmlBuilder("CSTAErrorCode").text(error.category().elementName(), error.value()).end();
        }
    }

    /** A ConnectionID: {@code <callID>} when known, then {@code <deviceID>}. */
    static CstaXmlBuilder connection(CstaXmlBuilder xml, String name, ConnectionId connection) {
        xml.open(name);
        if (connection.callId() != null) {
            xml.text("callID", connection.callId());
        }
        return xml.text("deviceID", connection.device().value()).close(name);
    }

    private static String features(GetCstaFeaturesResponse response) {
        Map<String, TreeSet<String>> groups = new LinkedHashMap<>();
        for (String service : new TreeSet<>(response.supportedServices())) {
            String group = SERVICE_GROUPS.getOrDefault(service, "callControlServices");
            groups.computeIfAbsent(group, g -> new TreeSet<>())
                    .add(Character.toLowerCase(service.charAt(0)) + service.substring(1));
        }
        CstaXmlBuilder xml = new CstaXmlBuilder("GetCSTAFeaturesResponse").open("supportedServices");
        groups.forEach((group, services) -> {
            xml.open(group);
            services.forEach(xml::empty);
            xml.close(group);
        });
        return xml.close("supportedServices").end();
    }

    private static Map<String, String> serviceGroups() {
        enum Group { callControlServices, callAssociatedServices, logicalDeviceServices, monitoringServices,
            capabilityExchangeServices, systemServices }
        Map<Group, List<String>> byGroup = new EnumMap<>(Group.class);
        byGroup.put(Group.callControlServices, List.of("AlternateCall", "AnswerCall", "ClearCall", "ClearConnection",
                "ConferenceCall", "ConsultationCall", "DeflectCall", "HoldCall", "MakeCall", "ReconnectCall",
                "RetrieveCall", "SingleStepTransferCall", "TransferCall"));
        byGroup.put(Group.callAssociatedServices, List.of("GenerateDigits"));
        byGroup.put(Group.logicalDeviceServices, List.of("GetDoNotDisturb", "SetDoNotDisturb", "GetForwarding",
                "SetForwarding"));
        byGroup.put(Group.monitoringServices, List.of("MonitorStart", "MonitorStop"));
        byGroup.put(Group.capabilityExchangeServices, List.of("GetCSTAFeatures"));
        byGroup.put(Group.systemServices, List.of("RequestSystemStatus", "SystemStatus"));
        Map<String, String> groups = new LinkedHashMap<>();
        byGroup.forEach((group, services) -> services.forEach(service -> groups.put(service, group.name())));
        return Map.copyOf(groups);
    }
}
