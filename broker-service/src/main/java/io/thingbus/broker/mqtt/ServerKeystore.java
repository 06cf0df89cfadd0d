package io.thingbus.broker.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import org.jboss.logging.Logger;

/**
 * The keystore HiveMQ's TLS listeners serve their certificate from: a PKCS12 (or JKS) file with the server's private
 * key and certificate chain, its password, and the private key's password. {@link #open} checks it the way HiveMQ
 * will use it, because HiveMQ itself only logs a keystore it cannot read and then fails every TLS handshake.
 *
 * <p>The passwords are secrets: {@link #toString()} does not show them.
 */
record ServerKeystore(Path path, String password, String keyPassword) {

    private static final Logger LOG = Logger.getLogger(ServerKeystore.class);

    ServerKeystore {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(keyPassword, "keyPassword");
    }

    /**
     * Opens and checks a keystore: readable with {@code password} as PKCS12 or JKS, holding at least one private key
     * that {@code keyPassword} opens, with its certificate. Logs a warning for a certificate outside its validity.
     *
     * @throws IllegalStateException with a message naming the setting to fix
     */
    static ServerKeystore open(Path path, String password, String keyPassword) {
        KeyStore store = load(path, password);
        List<String> keys = privateKeyAliases(store);
        if (keys.isEmpty()) {
            throw new IllegalStateException("the TLS keystore " + path + " holds no private key (with its certificate)");
        }
        requireKeyOpens(store, path, keyPassword);
        keys.forEach(alias -> warnIfNotValidNow(store, alias));
        return new ServerKeystore(path.toAbsolutePath(), password, keyPassword);
    }

    /** The {@code <keystore>} element of a listener's {@code <tls>}. */
    String toXml() {
        return "<keystore>" + Xml.element("path", path.toString()) + Xml.element("password", password)
                + Xml.element("private-key-password", keyPassword) + "</keystore>";
    }

    @Override
    public String toString() {
        return "ServerKeystore[" + path + "]";
    }

    private static KeyStore load(Path path, String password) {
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("the TLS keystore " + path
                    + " (thingbus.broker.tls.keystore-path) does not exist or cannot be read");
        }
        GeneralSecurityException lastError = null;
        for (String type : List.of("PKCS12", "JKS")) {
            try (InputStream in = Files.newInputStream(path)) {
                KeyStore store = KeyStore.getInstance(type);
                store.load(in, password.toCharArray());
                return store;
            } catch (GeneralSecurityException e) {
                lastError = e;
            } catch (IOException e) {
                if (e.getCause() instanceof UnrecoverableKeyException) {
                    throw new IllegalStateException("the TLS keystore " + path
                            + " cannot be opened with thingbus.broker.tls.keystore-password", e);
                }
                lastError = new GeneralSecurityException(e.getMessage(), e);
            }
        }
        throw new IllegalStateException("the TLS keystore " + path + " is neither a PKCS12 nor a JKS keystore that "
                + "thingbus.broker.tls.keystore-password opens: " + lastError.getMessage(), lastError);
    }

    private static List<String> privateKeyAliases(KeyStore store) {
        try {
            return Collections.list(store.aliases()).stream().filter(alias -> isKeyEntry(store, alias)).toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot list the TLS keystore's entries: " + e.getMessage(), e);
        }
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias) && store.getCertificate(alias) != null;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static void requireKeyOpens(KeyStore store, Path path, String keyPassword) {
        try {
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm()).init(store, keyPassword.toCharArray());
        } catch (UnrecoverableKeyException e) {
            throw new IllegalStateException("the private key in the TLS keystore " + path + " cannot be opened with "
                    + "thingbus.broker.tls.key-password (default: the keystore password)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the TLS keystore " + path + " cannot serve TLS: " + e.getMessage(), e);
        }
    }

    private static void warnIfNotValidNow(KeyStore store, String alias) {
        try {
            Certificate certificate = store.getCertificate(alias);
            if (certificate instanceof X509Certificate x509) {
                x509.checkValidity();
            }
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            LOG.warnf("the TLS certificate '%s' is not valid now: %s", alias, e.getMessage());
        } catch (GeneralSecurityException e) {
            LOG.warnf("cannot read the TLS certificate '%s': %s", alias, e.getMessage());
        }
    }
}
