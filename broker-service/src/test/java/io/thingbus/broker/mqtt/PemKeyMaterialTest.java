package io.thingbus.broker.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.thingbus.broker.TestCertificates;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PEM key material as a Kubernetes TLS secret holds it, converted for HiveMQ. Certificates are made with keytool. */
class PemKeyMaterialTest {

    private static TestCertificates certificates;

    @BeforeAll
    static void makeCertificates() {
        certificates = TestCertificates.generate();
    }

    @Test
    void pkcs8KeyAndChain_becomeAPkcs12KeystoreWithTheSameKeyAndChain(@TempDir Path dir) throws Exception {
        ServerKeystore keystore = PemKeyMaterial.toPkcs12(certificates.serverChainPem(), certificates.serverKeyPem(),
                dir.resolve("tls"));

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore.path())) {
            store.load(in, keystore.password().toCharArray());
        }
        PrivateKey key = (PrivateKey) store.getKey(PemKeyMaterial.ALIAS, keystore.keyPassword().toCharArray());
        assertThat(key.getEncoded()).isEqualTo(certificates.serverKey().getEncoded());
        assertThat(List.of(store.getCertificateChain(PemKeyMaterial.ALIAS)))
                .containsExactlyElementsOf(certificates.serverChain());
        assertThat(keystore.path()).isEqualTo(dir.resolve("tls").resolve("server.p12"));
    }

    @Test
    void rsaPkcs1Key_isReadToo(@TempDir Path dir) throws Exception {
        Path pkcs1 = dir.resolve("tls.key");
        Files.writeString(pkcs1, TestCertificates.pem("RSA PRIVATE KEY", pkcs1Of(certificates.serverKey())));

        assertThat(PemKeyMaterial.readPrivateKey(pkcs1).getEncoded()).isEqualTo(certificates.serverKey().getEncoded());
    }

    @Test
    void keyOfAnotherCertificate_isRefused(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path otherKey = dir.resolve("other.key");
        Files.writeString(otherKey, TestCertificates.pem("PRIVATE KEY", generator.generateKeyPair().getPrivate()
                .getEncoded()));

        assertThatThrownBy(() -> PemKeyMaterial.toPkcs12(certificates.serverChainPem(), otherKey, dir))
                .hasMessageContaining("does not belong to the first certificate");
    }

    @Test
    void chainWithTheCaFirst_isRefused(@TempDir Path dir) throws Exception {
        Path reversed = dir.resolve("reversed.crt");
        List<Certificate> chain = certificates.serverChain();
        Files.writeString(reversed, TestCertificates.pem("CERTIFICATE", chain.get(1).getEncoded())
                + TestCertificates.pem("CERTIFICATE", chain.get(0).getEncoded()));

        assertThatThrownBy(() -> PemKeyMaterial.toPkcs12(reversed, certificates.serverKeyPem(), dir))
                .hasMessageContaining("server certificate must come first");
    }

    @Test
    void encryptedKey_isRefused_withHowToDecryptIt(@TempDir Path dir) throws Exception {
        Path encrypted = dir.resolve("enc.key");
        Files.writeString(encrypted, TestCertificates.pem("ENCRYPTED PRIVATE KEY", new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> PemKeyMaterial.readPrivateKey(encrypted))
                .hasMessageContaining("encrypted").hasMessageContaining("openssl pkcs8");
    }

    @Test
    void fileWithoutCertificate_isRefused(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("tls.crt");
        Files.writeString(empty, "not a certificate");

        assertThatThrownBy(() -> PemKeyMaterial.readCertificateChain(empty))
                .hasMessageContaining("holds no PEM certificate");
    }

    @Test
    void wrongKeystorePassword_isRefused_namingTheSetting() {
        assertThatThrownBy(() -> ServerKeystore.open(certificates.serverKeystore(), "wrong", "wrong"))
                .hasMessageContaining("thingbus.broker.tls.keystore-password");
    }

    @Test
    void wrongKeyPassword_isRefused_namingTheSetting() {
        assertThatThrownBy(() -> ServerKeystore.open(certificates.serverKeystore(), TestCertificates.PASSWORD, "wrong"))
                .hasMessageContaining("thingbus.broker.tls.key-password");
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the content of its OCTET STRING. */
    private static byte[] pkcs1Of(PrivateKey key) {
        byte[] pkcs8 = key.getEncoded();
        int i = 2 + lengthOfLength(pkcs8[1]); // outer SEQUENCE header
        i += 3; // INTEGER 0
        i += 2 + pkcs8[i + 1]; // AlgorithmIdentifier SEQUENCE (short form)
        int octetHeader = 2 + lengthOfLength(pkcs8[i + 1]);
        return Arrays.copyOfRange(pkcs8, i + octetHeader, pkcs8.length);
    }

    private static int lengthOfLength(byte lengthByte) {
        return (lengthByte & 0x80) == 0 ? 0 : lengthByte & 0x7f;
    }
}
