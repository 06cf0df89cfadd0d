package io.thingbus.stream.api;

/** The request headers of the stream API, as ThingScale names them. */
public final class StreamHeaders {

    /** Start of the range: {@code YYYY-MM-DD hh:mm} (UTC), an ISO-8601 instant, {@code last}, or a {@code next} cursor. */
    public static final String START_TIME = "X-STARTTIME";

    /** End of the range (required, inclusive): {@code YYYY-MM-DD hh:mm} (UTC) or an ISO-8601 instant. */
    public static final String END_TIME = "X-ENDTIME";

    /** Only points of this tag (reads); the tag of the written points (writes). */
    public static final String TAG_NAME = "X-TAGNAME";

    private StreamHeaders() {
    }
}
