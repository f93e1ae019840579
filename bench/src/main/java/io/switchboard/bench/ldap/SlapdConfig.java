package io.switchboard.bench.ldap;

import java.nio.file.Path;

/**
 * The cn=config LDIF of a throwaway slapd, loaded with {@code slapadd -n0 -F confdir}: the form
 * Debian's own package builds its configuration in (no slapd.conf to convert).
 *
 * <ul>
 *   <li>schemas core, cosine, nis and inetorgperson from Debian's {@code /etc/ldap/schema}
 *       (nis is not needed by inetOrgPerson, but real OpenLDAP directories carry it and the
 *       issue's tests may look for posixAccount attributes);</li>
 *   <li>{@code back_mdb}, a module in Debian 12 ({@code /usr/lib/ldap}), one database for the
 *       suffix with the rootdn and its {SSHA} password;</li>
 *   <li>equality and substring indexes for the attributes a UC client searches by (name, uid,
 *       mail, numbers: incoming-call lookup searches by number), entryUUID for sync, and
 *       modifyTimestamp for an incremental sync's {@code (modifyTimestamp>=...)}: slapd answers an
 *       inequality on a generalizedTime from its equality index, and without one it reads every
 *       person to find the few that changed;</li>
 *   <li>size limit 500 for a plain search (what a real server answers a client that does not
 *       page), no total limit for paged searches, none at all for the rootdn;</li>
 *   <li>ACLs: userPassword only for binding (and its owner), everything else readable by
 *       anyone, anonymous included;</li>
 *   <li>TLS with the fixture's certificate, TLS 1.2 at least, for StartTLS and ldaps://.</li>
 * </ul>
 *
 * @param dir            where pid and args files go
 * @param databaseDir    the mdb directory (must exist)
 * @param suffix         the database suffix, e.g. {@code dc=switchboard,dc=test}
 * @param rootDn         the administrator
 * @param rootPwHash     the administrator's password as slappasswd hashed it
 * @param certificatePem the server certificate (PEM)
 * @param keyPem         its private key (PEM, unencrypted)
 */
public record SlapdConfig(Path dir, Path databaseDir, String suffix, String rootDn, String rootPwHash, Path certificatePem,
                   Path keyPem) {

    /** Plain (unpaged) searches stop here, as OpenLDAP's default does. */
    public static final int SIZE_LIMIT = 500;

    /** The LDIF text; entries are separated by blank lines, schema files pulled in by {@code include:}. */
    public String ldif() {
        return """
                dn: cn=config
                objectClass: olcGlobal
                cn: config
                olcPidFile: %1$s/slapd.pid
                olcArgsFile: %1$s/slapd.args
                olcTLSCertificateFile: %2$s
                olcTLSCertificateKeyFile: %3$s
                olcTLSProtocolMin: 3.3
                olcSizeLimit: size.soft=%4$d size.hard=%4$d size.prtotal=unlimited

                dn: cn=module{0},cn=config
                objectClass: olcModuleList
                cn: module{0}
                olcModulePath: /usr/lib/ldap
                olcModuleLoad: back_mdb

                dn: cn=schema,cn=config
                objectClass: olcSchemaConfig
                cn: schema

                include: file:///etc/ldap/schema/core.ldif

                include: file:///etc/ldap/schema/cosine.ldif

                include: file:///etc/ldap/schema/nis.ldif

                include: file:///etc/ldap/schema/inetorgperson.ldif

                dn: olcDatabase={-1}frontend,cn=config
                objectClass: olcDatabaseConfig
                objectClass: olcFrontendConfig
                olcDatabase: {-1}frontend

                dn: olcDatabase={0}config,cn=config
                objectClass: olcDatabaseConfig
                olcDatabase: {0}config
                olcAccess: {0}to * by * none

                dn: olcDatabase={1}mdb,cn=config
                objectClass: olcDatabaseConfig
                objectClass: olcMdbConfig
                olcDatabase: {1}mdb
                olcDbDirectory: %5$s
                olcSuffix: %6$s
                olcRootDN: %7$s
                olcRootPW: %8$s
                olcDbMaxSize: 1073741824
                olcDbIndex: objectClass eq
                olcDbIndex: uid pres,eq,sub
                olcDbIndex: cn,sn,givenName,displayName,mail eq,sub
                olcDbIndex: telephoneNumber,mobile eq,sub
                olcDbIndex: entryUUID eq
                olcDbIndex: modifyTimestamp eq
                olcLimits: {0}dn.exact="%7$s" size=unlimited time=unlimited
                olcAccess: {0}to attrs=userPassword by self =xw by anonymous auth by * none
                olcAccess: {1}to * by * read
                """.formatted(dir, certificatePem, keyPem, SIZE_LIMIT, databaseDir, suffix, rootDn, rootPwHash);
    }
}
