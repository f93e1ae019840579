package io.switchboard.sip.csta;

import io.switchboard.sip.csta.CstaParseException.Kind;
import io.switchboard.sip.presence.HardenedXml;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code application/csta+xml} bodies (ECMA-323 as profiled by ECMA TR/87) from hostile peers into
 * {@link CstaMessage}s. Stateless and thread-safe; one instance serves a whole gateway.
 *
 * <p>Bounded: the body must fit {@code maxBytes} (UTF-8, checked before XML parsing), DOCTYPEs and entity
 * references are refused (so nothing is ever expanded or fetched), and nesting and element count are
 * limited ({@link CstaTreeReader}). Every refusal is a {@link CstaParseException} whose
 * {@link CstaParseException#kind() kind} tells the gateway which CSTA error to answer with; no input makes
 * {@code parse} throw anything else.
 *
 * <p>Lenient where peers differ and the meaning does not: any ECMA-323 edition's namespace or none,
 * vendor {@code extensions} and unknown optional elements are passed over, device identifiers are read
 * from the plain, {@code staticID} and {@code deviceIdentifier} forms.
 */
public final class CstaParser {

    /** uaCSTA messages are well under a kilobyte; 64 KiB leaves room for vendor extensions. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CstaParser.class);

    /** ECMA-323's alternatives to a device identifier that say there is none to give. */
    private static final List<String> NO_DEVICE = List.of("notKnown", "restricted", "notRequired", "notSpecified");
    /** ECMA-323 ExtendedDeviceID's forms of a device identifier. */
    private static final List<String> DEVICE_FORMS = List.of("deviceIdentifier", "implicitPublic", "explicitPublic",
            "implicitPrivate", "explicitPrivate", "other");

    private final int maxBytes;
    private final CstaTreeReader treeReader;

    public CstaParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public CstaParser(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.treeReader = new CstaTreeReader(HardenedXml.newFactory());
    }

    /** Reads a SIP body; it must be UTF-8 (TR/87 bodies are) and fit the size limit. */
    public CstaMessage parse(byte[] body) throws CstaParseException {
        if (body == null || body.length == 0) {
            throw malformed("empty CSTA body");
        }
        if (body.length > maxBytes) {
            throw malformed("CSTA body of " + body.length + " bytes exceeds the limit of " + maxBytes);
        }
        try {
            return parse(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            throw malformed("CSTA body is not UTF-8");
        }
    }

    public CstaMessage parse(String xml) throws CstaParseException {
        if (xml == null || xml.isBlank()) {
            throw malformed("empty CSTA body");
        }
        // a UTF-8 byte per char at least, so an over-long string is refused before it is measured
        if (xml.length() > maxBytes || utf8Length(xml) > maxBytes) {
            throw malformed("CSTA body exceeds the limit of " + maxBytes + " bytes");
        }
        try {
            return message(treeReader.read(xml));
        } catch (CstaParseException e) {
            LOG.debug("CSTA body refused ({}): {}", e.kind(), e.getMessage());
            throw e;
        } catch (IllegalArgumentException e) {
            // a record refused a value: a blank device ID, digits that are not DTMF, an overlong ID
            LOG.debug("CSTA body refused: {}", e.getMessage());
            throw malformed(e.getMessage());
        } catch (RuntimeException e) {
            // the StAX implementation may throw unchecked exceptions on broken input; never let them out
            LOG.debug("CSTA body could not be read", e);
            throw malformed("unreadable CSTA body: " + e.getClass().getSimpleName());
        }
    }

    private static CstaMessage message(CstaNode root) throws CstaParseException {
        String name = root.name();
        if (name.endsWith("Response")) {
            String service = name.substring(0, name.length() - "Response".length());
            if (PositiveAck.SERVICES.contains(service)) {
                return new PositiveAck(service);
            }
        }
        return switch (name) {
            case "RequestSystemStatus" -> new RequestSystemStatus();
            case "GetCSTAFeatures" -> new GetCstaFeatures();
            case "MonitorStart" -> new MonitorStart(device(root.required("monitorObject").required("deviceObject")));
            case "MonitorStop" -> new MonitorStop(root.required("monitorCrossRefID").text());
            case "MakeCall" -> new MakeCall(device(root.required("callingDevice")),
                    device(root.required("calledDirectoryNumber")), autoOriginate(root));
            case "AnswerCall" -> new AnswerCall(connection(root.required("callToBeAnswered")));
            case "ClearConnection" -> new ClearConnection(connection(root.required("connectionToBeCleared")));
            case "HoldCall" -> new HoldCall(connection(root.required("callToBeHeld")));
            case "RetrieveCall" -> new RetrieveCall(connection(root.required("callToBeRetrieved")));
            case "SingleStepTransferCall" -> new SingleStepTransferCall(connection(root.required("activeCall")),
                    device(root.required("transferredTo")));
            case "ConsultationCall" -> new ConsultationCall(connection(root.required("existingCall")),
                    device(root.required("consultedDevice")));
            case "TransferCall" -> new TransferCall(connection(root.required("heldCall")),
                    connection(root.required("activeCall")));
            case "GenerateDigits" -> new GenerateDigits(connection(root.required("connectionToSendDigits")),
                    root.required("charactersToSend").text());
            case "SetDoNotDisturb" -> new SetDoNotDisturb(device(root.required("device")),
                    bool(root.required("doNotDisturbOn")));
            case "RequestSystemStatusResponse" -> systemStatus(root);
            case "GetCSTAFeaturesResponse" -> features(root);
            case "MonitorStartResponse" -> new MonitorStartResponse(root.required("monitorCrossRefID").text());
            case "MonitorStopResponse" -> new MonitorStopResponse();
            case "MakeCallResponse" -> new MakeCallResponse(connection(root.required("callingDevice")));
            case "ConsultationCallResponse" -> new ConsultationCallResponse(connection(root.required("initiatedCall")));
            case "TransferCallResponse" -> new TransferCallResponse(connection(root.required("transferredCall")));
            case "CSTAErrorCode" -> errorCode(root);
            default -> CstaEventReader.event(root).orElseThrow(() -> new CstaParseException(Kind.UNKNOWN_SERVICE,
                    "not a CSTA service or event this codec knows: " + CstaText.abbreviate(name), name));
        };
    }

    /** A plain DeviceID element: its text, or (ECMA-323 LocalDeviceID) its {@code staticID} child's. */
    static DeviceId device(CstaNode node) {
        if (node.text().isEmpty()) {
            Optional<CstaNode> staticId = node.child("staticID");
            if (staticId.isPresent()) {
                return new DeviceId(staticId.get().text());
            }
        }
        return new DeviceId(node.text());
    }

    /**
     * A device in an event ({@code <callingDevice><deviceIdentifier>…}); null where ECMA-323 says there is
     * none to report ({@code <notKnown/>}, {@code <restricted/>}). Plain text is accepted too.
     */
    static DeviceId subjectDevice(CstaNode node) {
        for (String form : DEVICE_FORMS) {
            Optional<CstaNode> identifier = node.child(form);
            if (identifier.isPresent()) {
                return device(identifier.get());
            }
        }
        for (String none : NO_DEVICE) {
            if (node.child(none).isPresent()) {
                return null;
            }
        }
        return new DeviceId(node.text());
    }

    /** A ConnectionID: an optional {@code callID} (empty reads as absent) and a {@code deviceID}. */
    static ConnectionId connection(CstaNode node) throws CstaParseException {
        Optional<CstaNode> callId = node.child("callID");
        String call = callId.isEmpty() || callId.get().text().isEmpty() ? null : callId.get().text();
        return new ConnectionId(call, device(node.required("deviceID")));
    }

    /** ECMA-269's default, when absent, is prompt. */
    private static boolean autoOriginate(CstaNode root) throws CstaParseException {
        Optional<CstaNode> node = root.child("autoOriginate");
        if (node.isEmpty()) {
            return false;
        }
        return switch (node.get().text()) {
            case "doNotPrompt" -> true;
            case "prompt" -> false;
            default -> throw malformed("autoOriginate must be prompt or doNotPrompt, not "
                    + CstaText.abbreviate(node.get().text()));
        };
    }

    /** xsd:boolean. */
    private static boolean bool(CstaNode node) throws CstaParseException {
        return switch (node.text()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw malformed(node.name() + " must be true or false, not " + CstaText.abbreviate(node.text()));
        };
    }

    private static RequestSystemStatusResponse systemStatus(CstaNode root) throws CstaParseException {
        String status = root.required("systemStatus").text();
        if (!status.equals("normal")) {
            LOG.debug("system status {} read as a plain RequestSystemStatusResponse", CstaText.abbreviate(status));
        }
        return new RequestSystemStatusResponse();
    }

    /**
     * Every service element under every group of {@code supportedServices}, named with a capital first
     * letter. Elements that cannot be service names are passed over, and so is anything past
     * {@link GetCstaFeaturesResponse#MAX_SERVICES}: a peer's odd feature list should not cost the session.
     */
    private static GetCstaFeaturesResponse features(CstaNode root) throws CstaParseException {
        Set<String> services = new HashSet<>();
        for (CstaNode group : root.required("supportedServices").children()) {
            for (CstaNode service : group.children()) {
                String name = service.name();
                String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                if (!GetCstaFeaturesResponse.isServiceName(capitalized)
                        || services.size() >= GetCstaFeaturesResponse.MAX_SERVICES) {
                    LOG.debug("supported service {} passed over", CstaText.abbreviate(name));
                    continue;
                }
                services.add(capitalized);
            }
        }
        return new GetCstaFeaturesResponse(services);
    }

    private static CstaErrorCode errorCode(CstaNode root) throws CstaParseException {
        if (root.children().isEmpty()) {
            throw new CstaParseException(Kind.MISSING_PARAMETER, "CSTAErrorCode without an error", "operation");
        }
        CstaNode error = root.children().get(0);
        CstaError.Category category = CstaError.Category.fromElementName(error.name())
                .orElseThrow(() -> malformed("not a CSTA error category: " + CstaText.abbreviate(error.name())));
        return new CstaErrorCode(new CstaError(category, error.text()));
    }

    static CstaParseException malformed(String message) {
        return new CstaParseException(Kind.MALFORMED, message);
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
