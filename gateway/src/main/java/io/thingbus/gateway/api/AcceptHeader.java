package io.thingbus.gateway.api;

import java.util.Locale;

/**
 * How much a caller's {@code Accept} header (RFC 9110 §12.5.1) wants one media type: the quality of the most specific
 * media range that matches it ({@code text/yaml} over {@code text/*} over {@code *}{@code /*}); 0 when none matches.
 * Pure function.
 */
final class AcceptHeader {

    private AcceptHeader() {
    }

    /** @param mediaType lower case, without parameters, such as {@code application/json} */
    static double quality(String accept, String mediaType) {
        int bestSpecificity = -1;
        double quality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            int specificity = specificity(parts[0].trim().toLowerCase(Locale.ROOT), mediaType);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = qualityOf(parts);
            }
        }
        return quality;
    }

    /** 2 for the exact type, 1 for {@code type/*}, 0 for {@code *}{@code /*}, -1 when the range does not match. */
    private static int specificity(String range, String mediaType) {
        if (range.equals(mediaType)) {
            return 2;
        }
        if (range.equals("*/*")) {
            return 0;
        }
        return range.endsWith("/*") && mediaType.startsWith(range.substring(0, range.length() - 1)) ? 1 : -1;
    }

    private static double qualityOf(String[] rangeAndParameters) {
        for (int i = 1; i < rangeAndParameters.length; i++) {
            String[] parameter = rangeAndParameters[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                try {
                    return Math.max(0, Math.min(1, Double.parseDouble(parameter[1].trim())));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
