package io.thingbus.broker.mqtt;

/** Writes the small pieces of XML that HiveMQ's {@code config.xml} is made of, with the text escaped. */
final class Xml {

    private Xml() {
    }

    /** {@code <name>text</name>} */
    static String element(String name, String text) {
        return "<" + name + ">" + escape(text) + "</" + name + ">";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
