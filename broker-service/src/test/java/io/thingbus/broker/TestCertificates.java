package io.thingbus.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;

/**
 * A test CA and a server certificate for {@code localhost} / {@code 127.0.0.1} signed by it, made with the JDK's
 * {@code keytool} the way the local launcher makes them: {@code server.p12} (PKCS12, key + chain), {@code ca.pem}, and
 * the same key material as PEM files ({@code server-chain.pem}, {@code server-key.pem} PKCS#8) as a Kubernetes TLS
 * secret holds it. Everything lives in one directory, valid for two days.
 */
public record TestCertificates(Path directory) {

    public static final String PASSWORD = "test-keystore-secret";

    /** Generates fresh material in a new directory below {@code target/}. */
    public static TestCertificates generate() {
        try {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")).toAbsolutePath(), "tls-");
            TestCertificates certificates = new TestCertificates(dir);
            certificates.make();
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path serverKeystore() {
        return directory.resolve("server.p12");
    }

    public Path caCertificate() {
        return directory.resolve("ca.pem");
    }

    public Path serverChainPem() {
        return directory.resolve("server-chain.pem");
    }

    public Path serverKeyPem() {
        return directory.resolve("server-key.pem");
    }

    /** Trusts exactly the test CA. */
    public TrustManagerFactory trustingTheCa() {
        try (InputStream in = Files.newInputStream(caCertificate())) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts only the JDK's default CAs, not the test CA. */
    public static TrustManagerFactory trustingDefaultCasOnly() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return factory;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server's private key (PKCS#8 DER) and chain read back from the keystore. */
    public PrivateKey serverKey() {
        try {
            return (PrivateKey) serverStore().getKey("server", PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Certificate> serverChain() {
        try {
            return List.of(serverStore().getCertificateChain("server"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code der} as one PEM block. */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private void make() throws IOException {
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Thingbus Test CA", "-ext", "bc:c", "-validity", "2",
                "-keystore", "ca.p12", "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-rfc",
                "-file", "ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-keystore", "server.p12", "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-keypass", PASSWORD);
        keytool("-certreq", "-alias", "server", "-keystore", "server.p12", "-storepass", PASSWORD,
                "-file", "server.csr");
        keytool("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PASSWORD, "-infile", "server.csr",
                "-outfile", "server.pem", "-rfc", "-validity", "2", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-ext", "KU=digitalSignature,keyEncipherment", "-ext", "EKU=serverAuth");
        keytool("-importcert", "-alias", "ca", "-keystore", "server.p12", "-storepass", PASSWORD,
                "-file", "ca.pem", "-noprompt");
        keytool("-importcert", "-alias", "server", "-keystore", "server.p12", "-storepass", PASSWORD,
                "-file", "server.pem", "-noprompt");
        writePem();
    }

    private void writePem() throws IOException {
        StringBuilder chain = new StringBuilder();
        for (Certificate certificate : serverChain()) {
            try {
                chain.append(pem("CERTIFICATE", certificate.getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        Files.writeString(serverChainPem(), chain);
        Files.writeString(serverKeyPem(), pem("PRIVATE KEY", serverKey().getEncoded()));
    }

    private KeyStore serverStore() {
        try (InputStream in = Files.newInputStream(serverKeystore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
