package io.switchboard.sip.presence.winfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WatcherInfoCodecTest {

    /** RFC 3858 §5, the example document. */
    static final String RFC3858_EXAMPLE = """
            <?xml version="1.0"?>
            <watcherinfo xmlns="urn:ietf:params:xml:ns:watcherinfo"
                         version="0" state="full">
              <watcher-list resource="sip:professor@example.net" package="presence">
                <watcher status="active"
                         id="8ajksjda7s"
                         duration-subscribed="509"
                         event="approved" >sip:userA@example.net</watcher>
                <watcher status="pending"
                         id="hh8juja87s997-ass7"
                         display-name="Mr. Subscriber"
                         event="subscribe">sip:userB@example.org</watcher>
              </watcher-list>
            </watcherinfo>
            """;

    /** RFC 3857 §6 (example message flow), the body of the first NOTIFY to B. */
    static final String RFC3857_FLOW_NOTIFY = """
            <?xml version="1.0"?>
            <watcherinfo xmlns="urn:ietf:params:xml:ns:watcherinfo"
                         version="0" state="full">
              <watcher-list resource="sip:B@example.com" package="presence">
                <watcher id="7768a77s" event="subscribe"
                         status="pending">sip:A@example.com</watcher>
              </watcher-list>
            </watcherinfo>
            """;

    final WatcherInfoParser parser = new WatcherInfoParser();
    final WatcherInfoWriter writer = new WatcherInfoWriter();

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesTheRfc3858Example() throws Exception {
        WatcherInfo info = parser.parse(bytes(RFC3858_EXAMPLE));

        assertThat(info.version()).isZero();
        assertThat(info.state()).isEqualTo(WatcherInfo.State.FULL);
        assertThat(info.lists()).singleElement().satisfies(list -> {
            assertThat(list.resource()).isEqualTo("sip:professor@example.net");
            assertThat(list.eventPackage()).isEqualTo("presence");
            assertThat(list.watchers()).containsExactly(
                    new Watcher("sip:userA@example.net", "8ajksjda7s", WatcherStatus.ACTIVE, WatcherEvent.APPROVED,
                            null, null, null, 509L),
                    new Watcher("sip:userB@example.org", "hh8juja87s997-ass7", WatcherStatus.PENDING,
                            WatcherEvent.SUBSCRIBE, "Mr. Subscriber", null, null, null));
        });
    }

    @Test
    void parsesTheRfc3857FlowExample() throws Exception {
        WatcherInfo info = parser.parse(bytes(RFC3857_FLOW_NOTIFY));

        assertThat(info.lists().get(0).watchers()).containsExactly(
                Watcher.of("sip:A@example.com", "7768a77s", WatcherStatus.PENDING, WatcherEvent.SUBSCRIBE));
    }

    @Test
    void whatIsWrittenParsesBackToTheSameDocument() throws Exception {
        WatcherInfo example = parser.parse(bytes(RFC3858_EXAMPLE));
        WatcherInfo richer = new WatcherInfo(7, WatcherInfo.State.PARTIAL, List.of(
                example.lists().get(0),
                new WatcherList("sip:B@example.com", "presence.winfo", List.of(
                        new Watcher("sip:A@example.com", "x1", WatcherStatus.TERMINATED, WatcherEvent.TIMEOUT,
                                "Ä & <b>", "de", 0L, 3600L)))));

        assertThat(parser.parse(writer.write(example))).isEqualTo(example);
        assertThat(parser.parse(writer.write(richer))).isEqualTo(richer);
        assertThat(new String(writer.write(richer), StandardCharsets.UTF_8))
                .contains("xmlns=\"urn:ietf:params:xml:ns:watcherinfo\"")
                .contains("state=\"partial\"").contains("version=\"7\"");
    }

    @Test
    void unknownExtensionElementsAreSkipped() throws Exception {
        String extended = RFC3857_FLOW_NOTIFY.replace("<watcher id",
                "<ext:note xmlns:ext=\"urn:example:ext\"><ext:deep>x</ext:deep></ext:note>\n<watcher id");

        assertThat(parser.parse(bytes(extended)).lists().get(0).watchers()).hasSize(1);
    }

    @Test
    void aDtdIsRefusedSoNoEntityIsExpanded() {
        String withDtd = """
                <?xml version="1.0"?>
                <!DOCTYPE watcherinfo [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <watcherinfo xmlns="urn:ietf:params:xml:ns:watcherinfo" version="0" state="full">
                  <watcher-list resource="sip:b@example.com" package="presence">
                    <watcher id="1" event="subscribe" status="pending">&x;</watcher>
                  </watcher-list>
                </watcherinfo>
                """;

        assertThatThrownBy(() -> parser.parse(bytes(withDtd))).isInstanceOf(WatcherInfoParseException.class);
    }

    @Test
    void undefinedValuesMissingAttributesAndOversizedBodiesAreRefused() {
        assertThatThrownBy(() -> parser.parse(bytes(RFC3857_FLOW_NOTIFY.replace("status=\"pending\"", "status=\"maybe\""))))
                .isInstanceOf(WatcherInfoParseException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> parser.parse(bytes(RFC3857_FLOW_NOTIFY.replace("event=\"subscribe\"", ""))))
                .isInstanceOf(WatcherInfoParseException.class).hasMessageContaining("event");
        assertThatThrownBy(() -> parser.parse(bytes(RFC3857_FLOW_NOTIFY.replace("state=\"full\"", "state=\"most\""))))
                .isInstanceOf(WatcherInfoParseException.class);
        assertThatThrownBy(() -> parser.parse(bytes(RFC3857_FLOW_NOTIFY.replace("version=\"0\"", "version=\"-1\""))))
                .isInstanceOf(WatcherInfoParseException.class);
        assertThatThrownBy(() -> parser.parse(bytes("<watcherinfo")))
                .isInstanceOf(WatcherInfoParseException.class);
        assertThatThrownBy(() -> new WatcherInfoParser(100).parse(bytes(RFC3858_EXAMPLE)))
                .isInstanceOf(WatcherInfoParseException.class).hasMessageContaining("exceeds");
    }

    @Test
    void aDocumentOfAnotherNamespaceIsRefused() {
        assertThatThrownBy(() -> parser.parse(bytes(RFC3857_FLOW_NOTIFY.replace(
                "urn:ietf:params:xml:ns:watcherinfo", "urn:example:other"))))
                .isInstanceOf(WatcherInfoParseException.class).hasMessageContaining("root");
    }
}
