package io.thingbus.stream.domain;

import java.util.List;

/**
 * The outcome of storing a batch of telemetry records.
 *
 * @param pointsWritten points handed to the store and kept (duplicates of points already stored included)
 * @param rejections records that did not become points
 */
public record IngestionReport(int pointsWritten, List<Rejection> rejections) {

    public IngestionReport {
        rejections = List.copyOf(rejections);
    }
}
