package io.switchboard.xmpp;

import io.switchboard.core.model.DirectoryLocation;
import io.switchboard.core.model.PhoneNumbering;

import java.util.Optional;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.formtypes.FormFieldRegistry;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads where the company directory is from the server's service discovery information: a
 * XEP-0128 form of type {@link #FORM_TYPE} with the directory's URL, people base, attribute
 * profile and how users name themselves in a bind (ADR 0029). A server without it (any other
 * XMPP server) names no directory.
 */
final class DirectoryDiscovery {

    /** The FORM_TYPE the Switchboard server uses. */
    static final String FORM_TYPE = "urn:xmpp:switchboard:directory:0";
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryDiscovery.class);

    static {
        // the server's form leaves out field types (XEP-0004 allows it in a result); registered, Smack
        // knows them instead of warning about each field at every sign-in
        FormFieldRegistry.register(FORM_TYPE, FormField.Type.text_single, "ldap-url", "people-base", "profile",
                "bind-dn-template", "phone-region", "extension-digits", "extension-prefix");
        FormFieldRegistry.register(FORM_TYPE, FormField.Type.bool, "start-tls");
    }

    private DirectoryDiscovery() {
    }

    /** Asks the server; empty when it names no directory or does not answer. Blocking. */
    static Optional<DirectoryLocation> ask(XMPPConnection connection) {
        try {
            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(connection)
                    .discoverInfo(connection.getXMPPServiceDomain());
            return from(info);
        } catch (XMPPException | SmackException e) {
            LOG.info("The server's service discovery did not say where a directory is: {}", e.toString());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The directory a disco#info result names, if it carries our form with a URL and a people base. */
    static Optional<DirectoryLocation> from(DiscoverInfo info) {
        for (DataForm form : info.getExtensions(DataForm.class)) {
            if (!FORM_TYPE.equals(form.getFormType())) {
                continue;
            }
            Optional<DirectoryLocation> location = DirectoryLocation.advertised(value(form, "ldap-url"),
                    value(form, "start-tls").map(v -> v.equals("true") || v.equals("1")).orElse(false),
                    value(form, "people-base"), value(form, "profile"), value(form, "bind-dn-template"),
                    PhoneNumbering.advertised(value(form, "phone-region"), value(form, "extension-digits"),
                            value(form, "extension-prefix")));
            if (location.isEmpty()) {
                LOG.info("The server's directory form names no usable ldap-url or people-base; ignored");
            }
            return location;
        }
        return Optional.empty();
    }

    private static Optional<String> value(DataForm form, String var) {
        FormField field = form.getField(var);
        return field == null ? Optional.empty() : Optional.ofNullable(field.getFirstValue()).filter(v -> !v.isBlank());
    }
}
