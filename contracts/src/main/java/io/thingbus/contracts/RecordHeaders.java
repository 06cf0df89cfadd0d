package io.thingbus.contracts;

/**
 * Kafka header names. CloudEvents binary mode ({@code ce_*}) plus Thingbus and MQTT metadata. Header values are
 * UTF-8 strings.
 */
public final class RecordHeaders {

    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    public static final String TENANT = "tb_tenant";
    public static final String DEVICE = "tb_device";
    public static final String TAG = "tb_tag";

    public static final String MQTT_TOPIC = "mqtt_topic";
    public static final String MQTT_QOS = "mqtt_qos";
    public static final String MQTT_RETAIN = "mqtt_retain";
    public static final String MQTT_CLIENT_ID = "mqtt_client_id";
    /** Prefix of MQTT 5 user properties: {@code mqtt_up_<name>}. */
    public static final String MQTT_USER_PROPERTY_PREFIX = "mqtt_up_";

    public static final String CLOUDEVENTS_VERSION = "1.0";

    private RecordHeaders() {
    }
}
