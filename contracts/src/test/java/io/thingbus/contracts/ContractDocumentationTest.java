package io.thingbus.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Kafka contract is a public API: every topic and record type in code is also in docs/api. */
class ContractDocumentationTest {

    private static final Path DOCS = Path.of("..", "docs", "api");

    static List<String> topics() {
        return Topics.ALL.stream().map(TopicSpec::name).toList();
    }

    static List<String> recordTypes() {
        return List.of(TelemetryRecord.TYPE, DeviceCredentialRecord.TYPE, ApiKeyRecord.TYPE, DeviceRecord.TYPE,
                ChannelRecord.TYPE, SessionEventRecord.TYPE, SubdeviceEventRecord.TYPE, DownlinkRecord.TYPE,
                AttributeUpdateRecord.TYPE, AttributeRequestRecord.TYPE, RpcResponseRecord.TYPE,
                ClaimRequestRecord.TYPE, DeviceClaimRecord.TYPE, AlertRecord.TYPE);
    }

    @ParameterizedTest
    @MethodSource("topics")
    void everyTopic_hasASectionInTheKafkaPageAndAChannelInAsyncApi(String topic) throws IOException {
        assertThat(Files.readString(DOCS.resolve("kafka.md"))).contains("## `" + topic + "`");
        assertThat(Files.readString(DOCS.resolve("asyncapi.yaml"))).contains("address: " + topic);
    }

    @ParameterizedTest
    @MethodSource("recordTypes")
    void everyRecordType_isInAsyncApi(String type) throws IOException {
        assertThat(Files.readString(DOCS.resolve("asyncapi.yaml"))).contains("name: " + type);
    }
}
