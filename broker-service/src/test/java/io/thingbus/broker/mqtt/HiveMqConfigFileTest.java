package io.thingbus.broker.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HiveMqConfigFileTest {

    private static final List<ListenerSpec> LISTENERS = List.of(
            new ListenerSpec.Tcp("mqtt", 1883, "0.0.0.0"),
            new ListenerSpec.Websocket("websocket", 8083, "0.0.0.0", "/mqtt"));

    @Test
    void configFile_isValidForTheEmbeddedHiveMq() throws Exception {
        URL schema = com.hivemq.embedded.EmbeddedHiveMQ.class.getClassLoader().getResource("config.xsd");
        assertThat(schema).as("HiveMQ's config.xsd on the classpath").isNotNull();

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(schema).newValidator()
                .validate(new StreamSource(new StringReader(HiveMqConfigFile.render(LISTENERS))));
    }

    @Test
    void configFile_opensTheListeners_inMemory_withoutUsageStatistics() {
        String xml = HiveMqConfigFile.render(LISTENERS);

        assertThat(xml).contains("<tcp-listener><port>1883</port><bind-address>0.0.0.0</bind-address>")
                .contains("<websocket-listener><port>8083</port>")
                .contains("<path>/mqtt</path>")
                .contains("<subprotocol>mqtt</subprotocol>")
                .contains("<persistence><mode>in-memory</mode></persistence>")
                .contains("<anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>");
    }

    @Test
    void bindAddress_isEscaped() {
        String xml = HiveMqConfigFile.render(List.of(new ListenerSpec.Tcp("mqtt", 1883, "a<b&c")));

        assertThat(xml).contains("<bind-address>a&lt;b&amp;c</bind-address>");
    }

    @Test
    void noListener_isRefused() {
        assertThatThrownBy(() -> HiveMqConfigFile.render(List.of()))
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
        HiveMqConfigFile.write(conf, List.of(new ListenerSpec.Tcp("mqtt", 1000, "127.0.0.1")));
        Path file = HiveMqConfigFile.write(conf, LISTENERS);

        assertThat(file).isEqualTo(conf.resolve("config.xml"));
        assertThat(Files.readString(file)).isEqualTo(HiveMqConfigFile.render(LISTENERS));
    }
}
