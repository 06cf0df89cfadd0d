package io.thingbus.broker.mqtt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server key material as PEM files, the way a Kubernetes TLS secret mounts them: {@code tls.crt} with the server
 * certificate first and its intermediates after it, {@code tls.key} with the unencrypted private key as PKCS#8
 * ({@code BEGIN PRIVATE KEY}) or, for RSA, PKCS#1 ({@code BEGIN RSA PRIVATE KEY}). HiveMQ reads only keystores, so
 * {@link #toPkcs12} writes both into a PKCS12 file with a fresh random password.
 *
 * <p>Reading fails with an {@link IllegalStateException} whose message names the file and what is wrong with it
 * (never the key itself). Stateless and thread-safe.
 */
final class PemKeyMaterial {

    static final String ALIAS = "thingbus-broker";

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final byte[] RSA_ALGORITHM_IDENTIFIER = {
            0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");
    private static final Map<String, String> SIGNATURES = Map.of("RSA", "SHA256withRSA", "EC", "SHA256withECDSA",
            "Ed25519", "Ed25519", "Ed448", "Ed448", "EdDSA", "Ed25519", "DSA", "SHA256withDSA");

    private PemKeyMaterial() {
    }

    /**
     * Checks the PEM files and writes them into {@code <directory>/server.p12} (readable by the owner only where the
     * file system allows), replacing an older one.
     */
    static ServerKeystore toPkcs12(Path certificatePath, Path privateKeyPath, Path directory) {
        List<X509Certificate> chain = readCertificateChain(certificatePath);
        PrivateKey key = readPrivateKey(privateKeyPath);
        requireKeyMatches(key, chain.get(0), certificatePath, privateKeyPath);
        String password = randomPassword();
        Path target = directory.resolve("server.p12");
        try {
            Files.createDirectories(directory);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password.toCharArray(), chain.toArray(new Certificate[0]));
            try (OutputStream out = Files.newOutputStream(target)) {
                store.store(out, password.toCharArray());
            }
            ownerOnly(target);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the TLS keystore " + target + ": " + e.getMessage(), e);
        }
        return ServerKeystore.open(target, password, password);
    }

    /** The certificates of a PEM file in their order; at least one. */
    static List<X509Certificate> readCertificateChain(Path path) {
        List<X509Certificate> chain = blocks(path, "CERTIFICATE").stream()
                .map(der -> certificate(der, path))
                .toList();
        if (chain.isEmpty()) {
            throw new IllegalStateException("the certificate file " + path
                    + " (thingbus.broker.tls.certificate-path) holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    /** The one private key of a PEM file: PKCS#8, or PKCS#1 for RSA. */
    static PrivateKey readPrivateKey(Path path) {
        String text = read(path, "thingbus.broker.tls.private-key-path");
        if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            throw new IllegalStateException("the private key " + path + " is encrypted; the broker needs it "
                    + "unencrypted (openssl pkcs8 -topk8 -nocrypt -in <key> -out <new key>)");
        }
        Optional<byte[]> pkcs8 = firstBlock(text, "PRIVATE KEY", path);
        Optional<byte[]> pkcs1 = firstBlock(text, "RSA PRIVATE KEY", path);
        if (pkcs8.isPresent()) {
            return pkcs8Key(pkcs8.get(), path);
        }
        if (pkcs1.isPresent()) {
            return pkcs8Key(wrapRsaPkcs1(pkcs1.get()), path);
        }
        throw new IllegalStateException("the private key file " + path + " (thingbus.broker.tls.private-key-path) "
                + "holds no PKCS#8 key (-----BEGIN PRIVATE KEY-----) or RSA PKCS#1 key (-----BEGIN RSA PRIVATE KEY-----);"
                + " convert it with: openssl pkcs8 -topk8 -nocrypt -in <key> -out <new key>");
    }

    /** Fails unless {@code key} signs what the certificate's public key verifies. */
    static void requireKeyMatches(PrivateKey key, X509Certificate certificate, Path certificatePath, Path keyPath) {
        String algorithm = SIGNATURES.get(key.getAlgorithm());
        if (algorithm == null) {
            return; // an algorithm without a known signature scheme: the TLS handshake is the test
        }
        try {
            byte[] challenge = "thingbus-broker key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another algorithm than the certificate's: reported below
        }
        throw new IllegalStateException("the private key " + keyPath + " does not belong to the first certificate in "
                + certificatePath + " (the server certificate must come first)");
    }

    private static PrivateKey pkcs8Key(byte[] der, Path path) {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalStateException("the private key in " + path + " is not an RSA, EC, EdDSA or DSA key this "
                + "Java runtime can read");
    }

    /** PKCS#1 RSAPrivateKey wrapped into a PKCS#8 PrivateKeyInfo: version 0, rsaEncryption, the key as octets. */
    static byte[] wrapRsaPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM_IDENTIFIER);
        body.writeBytes(derHeader(0x04, pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        info.writeBytes(derHeader(0x30, body.size()));
        info.writeBytes(body.toByteArray());
        return info.toByteArray();
    }

    private static byte[] derHeader(int tag, int length) {
        if (length < 0x80) {
            return new byte[] {(byte) tag, (byte) length};
        }
        int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
        byte[] header = new byte[2 + bytes];
        header[0] = (byte) tag;
        header[1] = (byte) (0x80 | bytes);
        for (int i = 0; i < bytes; i++) {
            header[2 + i] = (byte) (length >>> (8 * (bytes - 1 - i)));
        }
        return header;
    }

    private static X509Certificate certificate(byte[] der, Path path) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the certificate file " + path + " holds an unreadable certificate: "
                    + e.getMessage(), e);
        }
    }

    private static List<byte[]> blocks(Path path, String type) {
        Matcher matcher = BLOCK.matcher(read(path, "thingbus.broker.tls.certificate-path"));
        List<byte[]> blocks = new ArrayList<>();
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                blocks.add(decode(matcher.group(2), path));
            }
        }
        return blocks;
    }

    private static Optional<byte[]> firstBlock(String text, String type, Path path) {
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                return Optional.of(decode(matcher.group(2), path));
            }
        }
        return Optional.empty();
    }

    private static byte[] decode(String base64, Path path) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the PEM file " + path + " holds invalid base64", e);
        }
    }

    private static String read(Path path, String property) {
        try {
            return Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path + " (" + property + "): " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions protect it
        }
    }
}
