package io.switchboard.app.settings;

import com.sun.jna.platform.win32.Crypt32Util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Windows: the password encrypted with DPAPI for the signed-in Windows user
 * (CryptProtectData), one file per account under the settings directory. Only that Windows
 * user on that machine can decrypt it.
 */
public final class DpapiVault implements CredentialVault {

    private final Path directory;

    public DpapiVault(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public String description() {
        return "Windows data protection (DPAPI)";
    }

    @Override
    public void store(String account, char[] password) throws CredentialVaultException {
        byte[] plain = utf8(password);
        try {
            byte[] sealed = Crypt32Util.cryptProtectData(plain);
            Files.createDirectories(directory);
            Files.write(fileOf(account), sealed);
        } catch (IOException | RuntimeException e) {
            throw new CredentialVaultException("Windows could not protect the password: " + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    @Override
    public Optional<char[]> load(String account) throws CredentialVaultException {
        Path file = fileOf(account);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            byte[] plain = Crypt32Util.cryptUnprotectData(Files.readAllBytes(file));
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            Arrays.fill(plain, (byte) 0);
            char[] password = new char[chars.remaining()];
            chars.get(password);
            return Optional.of(password);
        } catch (IOException | RuntimeException e) {
            throw new CredentialVaultException("Windows could not read the saved password: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String account) throws CredentialVaultException {
        try {
            Files.deleteIfExists(fileOf(account));
        } catch (IOException e) {
            throw new CredentialVaultException("The saved password could not be deleted: " + e.getMessage(), e);
        }
    }

    /** Can Windows protect data for this user (DPAPI and JNA's native part both load)? */
    static boolean works() {
        try {
            byte[] probe = {1, 2, 3};
            return Arrays.equals(probe, Crypt32Util.cryptUnprotectData(Crypt32Util.cryptProtectData(probe)));
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A hash as the file name, so an account name cannot escape the directory. */
    Path fileOf(String account) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(account.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(digest) + ".dpapi");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] out = new byte[bytes.remaining()];
        bytes.get(out);
        return out;
    }
}
