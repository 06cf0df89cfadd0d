package io.thingbus.stream.api;

/** The request headers of the Stream and Channel APIs, as ThingScale names them. */
public final class StreamHeaders {

    /** Start of the range: {@code YYYY-MM-DD hh:mm} (UTC), an ISO-8601 instant, {@code last}, or a {@code next} cursor. */
    public static final String START_TIME = "X-STARTTIME";

    /** End of the range (required, inclusive): {@code YYYY-MM-DD hh:mm} (UTC) or an ISO-8601 instant. */
    public static final String END_TIME = "X-ENDTIME";

    /**
     * Only points of this tag (reads); the tag of the written points (writes); a tag to declare (channel create and
     * update) or to delete (channel delete).
     */
    public static final String TAG_NAME = "X-TAGNAME";

    /** {@code true}: the channel list shows each channel's tags. */
    public static final String WITH_TAG = "X-WITHTAG";

    private StreamHeaders() {
    }
}
