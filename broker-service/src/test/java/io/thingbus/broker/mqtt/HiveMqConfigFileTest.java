package io.thingbus.broker.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HiveMqConfigFileTest {

    private static final ListenerSpec.TlsSettings TLS = new ListenerSpec.TlsSettings(
            new ServerKeystore(Path.of("/data/tls/server.p12"), "store<pw>", "key&pw"), List.of("TLSv1.3", "TLSv1.2"));
    private static final List<ListenerSpec> LISTENERS = List.of(
            new ListenerSpec.Tcp("mqtt", 1883, "0.0.0.0"),
            new ListenerSpec.Websocket("websocket", 8083, "0.0.0.0", "/mqtt"),
            new ListenerSpec.TlsTcp("mqtts", 8883, "0.0.0.0", TLS),
            new ListenerSpec.TlsWebsocket("secure-websocket", 8084, "0.0.0.0", "/mqtt", TLS));
    private static final HiveMqConfigFile.SessionLimits SESSIONS =
            new HiveMqConfigFile.SessionLimits(Duration.ofHours(24), 1000);

    @Test
    void configFile_isValidForTheEmbeddedHiveMq() throws Exception {
        URL schema = com.hivemq.embedded.EmbeddedHiveMQ.class.getClassLoader().getResource("config.xsd");
        assertThat(schema).as("HiveMQ's config.xsd on the classpath").isNotNull();

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schema).newValidator()
                .validate(new StreamSource(new StringReader(HiveMqConfigFile.render(LISTENERS, SESSIONS))));
    }

    @Test
    void configFile_opensTheListeners_inMemory_withoutUsageStatistics() {
        String xml = HiveMqConfigFile.render(LISTENERS, SESSIONS);

        assertThat(xml).contains("<tcp-listener><port>1883</port><bind-address>0.0.0.0</bind-address>")
                .contains("<websocket-listener><port>8083</port>")
                .contains("<path>/mqtt</path>")
                .contains("<subprotocol>mqtt</subprotocol>")
                .contains("<persistence><mode>in-memory</mode></persistence>")
                .contains("<anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>");
    }

    @Test
    void tlsListeners_serveTheKeystore_withEscapedPasswords_andTheConfiguredTlsVersions() {
        String xml = HiveMqConfigFile.render(LISTENERS, SESSIONS);

        assertThat(xml).contains("<tls-tcp-listener><port>8883</port>")
                .contains("<tls-websocket-listener><port>8084</port>")
                .contains("<keystore><path>/data/tls/server.p12</path><password>store&lt;pw&gt;</password>"
                        + "<private-key-password>key&amp;pw</private-key-password></keystore>")
                .contains("<protocols><protocol>TLSv1.3</protocol><protocol>TLSv1.2</protocol></protocols>")
                .contains("<client-authentication-mode>NONE</client-authentication-mode>");
    }

    @Test
    void sessionLimits_boundSessionExpiryAndQueues() {
        String xml = HiveMqConfigFile.render(LISTENERS, new HiveMqConfigFile.SessionLimits(Duration.ofMinutes(90), 50));

        assertThat(xml).contains("<session-expiry><max-interval>5400</max-interval></session-expiry>")
                .contains("<max-queue-size>50</max-queue-size>");
    }

    @Test
    void serverKeystore_neverShowsItsPasswords() {
        assertThat(TLS.keystore().toString()).doesNotContain("store<pw>").doesNotContain("key&pw");
    }

    @Test
    void bindAddress_isEscaped() {
        String xml = HiveMqConfigFile.render(List.of(new ListenerSpec.Tcp("mqtt", 1883, "a<b&c")), SESSIONS);

        assertThat(xml).contains("<bind-address>a&lt;b&amp;c</bind-address>");
    }

    @Test
    void noListener_isRefused() {
        assertThatThrownBy(() -> HiveMqConfigFile.render(List.of(), SESSIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one MQTT listener");
    }

    @Test
    void invalidPort_isRefused() {
        assertThatThrownBy(() -> new ListenerSpec.Tcp("mqtt", 0, "0.0.0.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListenerSpec.Tcp("mqtt", 65536, "0.0.0.0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void write_replacesTheFileInTheConfigFolder(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("conf");
        HiveMqConfigFile.write(conf, List.of(new ListenerSpec.Tcp("mqtt", 1000, "127.0.0.1")), SESSIONS);
        Path file = HiveMqConfigFile.write(conf, LISTENERS, SESSIONS);

        assertThat(file).isEqualTo(conf.resolve("config.xml"));
        assertThat(Files.readString(file)).isEqualTo(HiveMqConfigFile.render(LISTENERS, SESSIONS));
    }
}
