package io.switchboard.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialogInfoCodecTest {

    /** RFC 4235 §4.1 (structure of dialog information): a single trying dialog, partial state. */
    static final String RFC4235_TRYING = """
            <?xml version="1.0"?>
            <dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info"
                         version="0" state="partial"
                         entity="sip:alice@example.com">
              <dialog id="as7d900as8" call-id="a84b4c76e66710"
                      local-tag="1928301774" direction="initiator">
                <state>trying</state>
              </dialog>
            </dialog-info>
            """;

    /** RFC 4235 §4.1.2: a dialog rejected with 486, with its duration. */
    static final String RFC4235_REJECTED = """
            <?xml version="1.0"?>
            <dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info"
                         version="1" state="partial"
                         entity="sip:alice@example.com">
              <dialog id="as7d900as8" call-id="a84b4c76e66710"
                      local-tag="1928301774" direction="initiator">
                <state event="rejected" code="486">terminated</state>
                <duration>145</duration>
              </dialog>
            </dialog-info>
            """;

    /** RFC 4235 §4.4 (sample notification body): a confirmed dialog with both participants. */
    static final String RFC4235_SAMPLE = """
            <?xml version="1.0"?>
            <dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info"
                         version="0" state="full"
                         entity="sip:alice@example.com">
              <dialog id="as7d900as8" call-id="a84b4c76e66710"
                      local-tag="1928301774" remote-tag="456887766"
                      direction="initiator">
                <state>confirmed</state>
                <duration>274</duration>
                <local>
                  <identity display="Alice">sip:alice@example.com</identity>
                  <target uri="sip:alice@pc33.example.com">
                    <param pname="+sip.rendering" pval="yes"/>
                  </target>
                </local>
                <remote>
                  <identity display="Bob">sip:bob@example.org</identity>
                  <target uri="sip:bobster@phone21.example.org"/>
                </remote>
              </dialog>
            </dialog-info>
            """;

    /** RFC 4235's shared-line examples: one confirmed call and a second one ringing. */
    static final String RFC4235_TWO_DIALOGS = """
            <?xml version="1.0"?>
            <dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info"
                         version="3" state="full"
                         entity="sip:alice@example.com">
              <dialog id="as7d900as8" call-id="a84b4c76e66710"
                      local-tag="1928301774" remote-tag="hh76a"
                      direction="initiator">
                <state>confirmed</state>
              </dialog>
              <dialog id="j7zgt54" call-id="ASDRRVASDRF"
                      local-tag="123456789" remote-tag="EE345"
                      direction="recipient">
                <state>early</state>
              </dialog>
            </dialog-info>
            """;

    private final DialogInfoParser parser = new DialogInfoParser();
    private final DialogInfoWriter writer = new DialogInfoWriter();

    @Test
    void readsTheTryingExample() throws Exception {
        DialogInfo info = parse(RFC4235_TRYING);

        assertThat(info.version()).isZero();
        assertThat(info.state()).isEqualTo(DialogInfo.State.PARTIAL);
        assertThat(info.entity()).isEqualTo("sip:alice@example.com");
        assertThat(info.dialogs()).containsExactly(new Dialog("as7d900as8", "a84b4c76e66710", "1928301774", null,
                DialogDirection.INITIATOR, DialogStatus.of(DialogState.TRYING), null, null, null));
    }

    @Test
    void readsWhyADialogEnded() throws Exception {
        Dialog dialog = parse(RFC4235_REJECTED).dialogs().get(0);

        assertThat(dialog.status()).isEqualTo(new DialogStatus(DialogState.TERMINATED, DialogEvent.REJECTED, 486));
        assertThat(dialog.duration()).isEqualTo(145L);
    }

    @Test
    void readsBothParticipantsOfTheSample() throws Exception {
        Dialog dialog = parse(RFC4235_SAMPLE).dialogs().get(0);

        assertThat(dialog.remoteTag()).isEqualTo("456887766");
        assertThat(dialog.state()).isEqualTo(DialogState.CONFIRMED);
        assertThat(dialog.duration()).isEqualTo(274L);
        assertThat(dialog.local()).isEqualTo(new Participant("sip:alice@example.com", "Alice",
                "sip:alice@pc33.example.com"));
        assertThat(dialog.remote()).isEqualTo(new Participant("sip:bob@example.org", "Bob",
                "sip:bobster@phone21.example.org"));
    }

    @Test
    void readsSeveralDialogs() throws Exception {
        DialogInfo info = parse(RFC4235_TWO_DIALOGS);

        assertThat(info.version()).isEqualTo(3);
        assertThat(info.dialogs()).extracting(Dialog::id, Dialog::direction, Dialog::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("as7d900as8", DialogDirection.INITIATOR, DialogState.CONFIRMED),
                org.assertj.core.groups.Tuple.tuple("j7zgt54", DialogDirection.RECIPIENT, DialogState.EARLY));
    }

    @Test
    void whatIsWrittenReadsBackTheSame() throws Exception {
        for (String example : List.of(RFC4235_TRYING, RFC4235_REJECTED, RFC4235_SAMPLE, RFC4235_TWO_DIALOGS)) {
            DialogInfo info = parse(example);
            assertThat(parser.parse(writer.write(info))).isEqualTo(info);
        }
    }

    @Test
    void anEmptyFullDocumentMeansNoDialogs() throws Exception {
        DialogInfo idle = new DialogInfo(7, DialogInfo.State.FULL, "sip:1001@example.com", List.of());

        assertThat(parser.parse(writer.write(idle))).isEqualTo(idle);
    }

    @Test
    void elementsOfOtherNamespacesAndUnusedOnesAreSkipped() throws Exception {
        String extended = RFC4235_TRYING.replace("<state>trying</state>", """
                <ext:x xmlns:ext="urn:example:ext"><ext:y>z</ext:y></ext:x>
                <route-set><hop>sip:proxy.example.com;lr</hop></route-set>
                <state>trying</state>""");

        assertThat(parse(extended).dialogs().get(0).state()).isEqualTo(DialogState.TRYING);
    }

    @Test
    void refusesTheBillionLaughs() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [
                  <!ENTITY lol "lol">
                  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
                ]>
                <dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="0" state="full"
                             entity="sip:a@example.com">
                  <dialog id="x"><state>&lol3;</state></dialog>
                </dialog-info>
                """;

        assertThatThrownBy(() -> parse(laughs)).isInstanceOf(DialogInfoParseException.class).hasMessageContaining("DTD");
    }

    @Test
    void refusesAnExternalEntity() {
        String external = """
                <?xml version="1.0"?>
                <!DOCTYPE d [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="0" state="full"
                             entity="&secret;"/>
                """;

        assertThatThrownBy(() -> parse(external)).isInstanceOf(DialogInfoParseException.class);
    }

    @Test
    void refusesAnOversizeBody() {
        byte[] big = new byte[DialogInfoParser.DEFAULT_MAX_BYTES + 1];

        assertThatThrownBy(() -> parser.parse(big)).isInstanceOf(DialogInfoParseException.class)
                .hasMessageContaining("exceeds the limit");
    }

    @Test
    void refusesDeepNesting() {
        String deep = "<a>".repeat(200) + "</a>".repeat(200);
        String body = RFC4235_TRYING.replace("<state>trying</state>", "<state>trying</state>" + deep);

        assertThatThrownBy(() -> parse(body)).isInstanceOf(DialogInfoParseException.class)
                .hasMessageContaining("nested deeper");
    }

    @Test
    void refusesMoreDialogsThanTheLimit() {
        DialogInfoParser small = new DialogInfoParser(DialogInfoParser.DEFAULT_MAX_BYTES, 1);

        assertThatThrownBy(() -> small.parse(RFC4235_TWO_DIALOGS.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DialogInfoParseException.class).hasMessageContaining("more than 1 dialogs");
    }

    @Test
    void refusesMissingRequiredAttributes() {
        assertThatThrownBy(() -> parse(RFC4235_TRYING.replace("version=\"0\"", "")))
                .isInstanceOf(DialogInfoParseException.class).hasMessageContaining("without version");
        assertThatThrownBy(() -> parse(RFC4235_TRYING.replace("entity=\"sip:alice@example.com\"", "")))
                .isInstanceOf(DialogInfoParseException.class).hasMessageContaining("without entity");
        assertThatThrownBy(() -> parse(RFC4235_TRYING.replace("state=\"partial\"", "")))
                .isInstanceOf(DialogInfoParseException.class).hasMessageContaining("without state");
        assertThatThrownBy(() -> parse(RFC4235_TRYING.replace("id=\"as7d900as8\"", "")))
                .isInstanceOf(DialogInfoParseException.class).hasMessageContaining("<dialog> without id");
        assertThatThrownBy(() -> parse(RFC4235_TRYING.replace("<state>trying</state>", "")))
                .isInstanceOf(DialogInfoParseException.class).hasMessageContaining("has no <state>");
    }

    @Test
    void refusesValuesTheRfcDoesNotDefine() {
        assertThatThrownBy(() -> parse(RFC4235_TRYING.replace(">trying<", ">dancing<")))
                .isInstanceOf(DialogInfoParseException.class).hasMessageContaining("unknown dialog state");
        assertThatThrownBy(() -> parse(RFC4235_TRYING.replace("initiator", "bystander")))
                .isInstanceOf(DialogInfoParseException.class).hasMessageContaining("unknown dialog direction");
        assertThatThrownBy(() -> parse(RFC4235_REJECTED.replace("code=\"486\"", "code=\"99\"")))
                .isInstanceOf(DialogInfoParseException.class).hasMessageContaining("not a SIP response code");
        assertThatThrownBy(() -> parse(RFC4235_REJECTED.replace("rejected", "exploded")))
                .isInstanceOf(DialogInfoParseException.class).hasMessageContaining("unknown dialog state event");
        assertThatThrownBy(() -> parse(RFC4235_TRYING.replace("version=\"0\"", "version=\"-1\"")))
                .isInstanceOf(DialogInfoParseException.class).hasMessageContaining("negative");
    }

    @Test
    void refusesAnotherRootOrNoDocument() {
        assertThatThrownBy(() -> parse("<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"/>"))
                .isInstanceOf(DialogInfoParseException.class).hasMessageContaining("root element");
        assertThatThrownBy(() -> parse("<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"0\""))
                .isInstanceOf(DialogInfoParseException.class);
        assertThatThrownBy(() -> parse(""))
                .isInstanceOf(DialogInfoParseException.class);
    }

    private DialogInfo parse(String xml) throws DialogInfoParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8));
    }
}
