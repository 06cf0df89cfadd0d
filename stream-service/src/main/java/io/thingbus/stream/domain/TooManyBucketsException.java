package io.thingbus.stream.domain;

/** An aggregation whose range holds more intervals than the configured maximum. Nothing was read. */
public final class TooManyBucketsException extends StreamException {

    public TooManyBucketsException(long intervals, BucketInterval interval, int max) {
        super("the range holds " + intervals + " intervals of " + interval + ", more than " + max
                + ": choose a longer interval or a shorter range");
    }
}
