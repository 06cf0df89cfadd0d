package io.thingbus.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local suite's TLS material, made once with the JDK's {@code keytool} and kept in {@code <data>/tls}: a local
 * certificate authority ({@code ca.pem}, the file clients trust) and the broker's key and certificate, issued by that
 * CA for {@code localhost} and {@code 127.0.0.1}, in a PKCS12 keystore. Only for running on one machine: production
 * deployments bring their own certificate (see docs/api/mqtt.md).
 *
 * @param caCertificate the CA certificate in PEM, for {@code mosquitto_pub --cafile} and other clients
 * @param keystore the broker's PKCS12 keystore
 */
public record LocalCertificates(Path caCertificate, Path keystore, String keystorePassword) {

    private static final String CA_ALIAS = "thingbus-local-ca";
    private static final String SERVER_ALIAS = "broker";

    /** Loads the material from {@code folder}, making it first when it is missing. */
    static LocalCertificates loadOrCreate(Path folder) {
        Path ca = folder.resolve("ca.pem");
        Path keystore = folder.resolve("broker.p12");
        Path passwordFile = folder.resolve("keystore.password");
        try {
            if (!Files.exists(ca) || !Files.exists(keystore) || !Files.exists(passwordFile)) {
                create(folder, ca, keystore, passwordFile);
            }
            return new LocalCertificates(ca, keystore, Files.readString(passwordFile).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare TLS certificates in " + folder, e);
        }
    }

    private static void create(Path folder, Path ca, Path keystore, Path passwordFile) throws IOException {
        Files.createDirectories(folder);
        String password = LocalSuite.AdminKey.random(32);
        Path caStore = folder.resolve("ca.p12");
        Path request = folder.resolve("broker.csr");
        Path issued = folder.resolve("broker.pem");
        Files.deleteIfExists(caStore);
        Files.deleteIfExists(keystore);
        keytool(folder, "-genkeypair", "-alias", CA_ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=Thingbus local CA", "-ext", "bc:c", "-keystore", caStore.toString(),
                "-storetype", "PKCS12", "-storepass", password);
        keytool(folder, "-exportcert", "-rfc", "-alias", CA_ALIAS, "-keystore", caStore.toString(),
                "-storepass", password, "-file", ca.toString());
        keytool(folder, "-genkeypair", "-alias", SERVER_ALIAS, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "825", "-dname", "CN=localhost", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", password);
        keytool(folder, "-certreq", "-alias", SERVER_ALIAS, "-keystore", keystore.toString(), "-storepass", password,
                "-file", request.toString());
        keytool(folder, "-gencert", "-rfc", "-alias", CA_ALIAS, "-keystore", caStore.toString(), "-storepass", password,
                "-infile", request.toString(), "-outfile", issued.toString(), "-validity", "825",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-ext", "KU=digitalSignature,keyEncipherment",
                "-ext", "EKU=serverAuth");
        keytool(folder, "-importcert", "-noprompt", "-alias", CA_ALIAS, "-file", ca.toString(),
                "-keystore", keystore.toString(), "-storepass", password);
        keytool(folder, "-importcert", "-noprompt", "-alias", SERVER_ALIAS, "-file", issued.toString(),
                "-keystore", keystore.toString(), "-storepass", password);
        Files.deleteIfExists(request);
        SecretFiles.writePrivate(passwordFile, password);
    }

    private static void keytool(Path folder, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Path log = folder.resolve("keytool.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while making certificates", e);
        }
    }
}
