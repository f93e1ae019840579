package io.switchboard.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.core.model.PhoneNumbering;

import java.util.Optional;

import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.formtypes.FormFieldRegistry;
import org.jivesoftware.smackx.xdata.FormField;
import org.junit.jupiter.api.Test;

/** The directory's location as a server's disco#info result carries it (XEP-0128 extended information). */
class DirectoryDiscoveryTest {

    @Test
    void theSwitchboardFormNamesTheDirectory() throws Exception {
        DiscoverInfo info = parse("""
                <iq type='result' id='d1' from='example.com' to='alice@example.com/desk'>
                  <query xmlns='http://jabber.org/protocol/disco#info'>
                    <identity category='server' type='im' name='Switchboard'/>
                    <feature var='http://jabber.org/protocol/disco#info'/>
                    <x xmlns='jabber:x:data' type='result'>
                      <field var='FORM_TYPE' type='hidden'><value>urn:xmpp:switchboard:directory:0</value></field>
                      <field var='ldap-url'><value>ldap://ldap.example.com:389</value></field>
                      <field var='start-tls' type='boolean'><value>true</value></field>
                      <field var='people-base'><value>ou=people,dc=example,dc=com</value></field>
                      <field var='profile'><value>openldap</value></field>
                      <field var='bind-dn-template'><value>uid={username},ou=people,dc=example,dc=com</value></field>
                      <field var='phone-region'><value>gb</value></field>
                      <field var='extension-digits'><value>4</value></field>
                      <field var='extension-prefix'><value>+44207946</value></field>
                    </x>
                  </query>
                </iq>""");

        assertThat(DirectoryDiscovery.from(info)).contains(new DirectoryLocation("ldap://ldap.example.com:389", true,
                "ou=people,dc=example,dc=com", "openldap", Optional.of("uid={username},ou=people,dc=example,dc=com"),
                Optional.of(new PhoneNumbering("GB", 4, Optional.of("+44207946")))));
    }

    @Test
    void aServerWithoutItOrWithAnotherFormOrABadUrlNamesNone() throws Exception {
        assertThat(DirectoryDiscovery.from(parse("""
                <iq type='result' id='d2' from='example.com'>
                  <query xmlns='http://jabber.org/protocol/disco#info'><identity category='server' type='im'/></query>
                </iq>"""))).isEmpty();
        // XEP-0157 contact addresses: another FORM_TYPE
        assertThat(DirectoryDiscovery.from(parse("""
                <iq type='result' id='d3' from='example.com'>
                  <query xmlns='http://jabber.org/protocol/disco#info'>
                    <x xmlns='jabber:x:data' type='result'>
                      <field var='FORM_TYPE' type='hidden'><value>http://jabber.org/network/serverinfo</value></field>
                      <field var='admin-addresses'><value>mailto:admin@example.com</value></field>
                    </x>
                  </query>
                </iq>"""))).isEmpty();
        assertThat(DirectoryDiscovery.from(parse("""
                <iq type='result' id='d4' from='example.com'>
                  <query xmlns='http://jabber.org/protocol/disco#info'>
                    <x xmlns='jabber:x:data' type='result'>
                      <field var='FORM_TYPE' type='hidden'><value>urn:xmpp:switchboard:directory:0</value></field>
                      <field var='ldap-url'><value>http://evil.example.com/</value></field>
                      <field var='people-base'><value>ou=people,dc=example,dc=com</value></field>
                    </x>
                  </query>
                </iq>"""))).isEmpty();
    }

    @Test
    void theFormsFieldTypesAreKnownToSmackBeforeTheServerAnswers() throws Exception {
        // what ask() does first: the class is ready before the disco#info result is parsed
        DirectoryDiscovery.from(parse("<iq xmlns='jabber:client' type='result' id='x'>"
                + "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>"));

        assertThat(FormFieldRegistry.lookup(DirectoryDiscovery.FORM_TYPE, "ldap-url"))
                .as("typed, so Smack does not warn about each field of the server's form at every sign-in")
                .isEqualTo(FormField.Type.text_single);
        assertThat(FormFieldRegistry.lookup(DirectoryDiscovery.FORM_TYPE, "start-tls")).isEqualTo(FormField.Type.bool);
    }

    private static DiscoverInfo parse(String xml) throws Exception {
        Stanza stanza = PacketParserUtils.parseStanza(xml);
        return (DiscoverInfo) stanza;
    }
}
