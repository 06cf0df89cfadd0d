package io.thingbus.helm;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Thingbus chart (deploy/helm/thingbus) driven by real helm through helm-java's native library: lint, and
 * template with a values file. Each call is independent; instances are not shared between threads.
 */
final class ThingbusChart {

    static final String RELEASE = "tb";
    static final String NAMESPACE = "iot";
    /** Resource names start with this: the release name plus the chart name. */
    static final String FULLNAME = RELEASE + "-thingbus";

    /** helm template without a cluster assumes an old Kubernetes; the chart needs 1.25 or newer. */
    private static final String KUBE_VERSION = "1.31.0";

    private final Helm helm = new Helm(chartDirectory());

    /** The chart folder, found from the module directory Maven runs the tests in. */
    static Path chartDirectory() {
        return Path.of(System.getProperty("basedir", "."), "helm", "thingbus");
    }

    /** appVersion from Chart.yaml: the default tag of the service images. */
    static String appVersion() {
        try {
            return new YAMLMapper().readTree(chartDirectory().resolve("Chart.yaml").toFile()).path("appVersion").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LintResult lintStrict() {
        return helm.lint().strict().call();
    }

    /** Renders the chart with the defaults only. */
    RenderedChart render() {
        return render("{}");
    }

    /**
     * Renders the chart with these values (YAML) over the defaults.
     *
     * @throws IllegalStateException with helm's message when the schema or a template refuses the values
     */
    RenderedChart render(String valuesYaml) {
        Path values = writeValues(valuesYaml);
        try {
            String manifests = helm.template()
                    .withName(RELEASE)
                    .withNamespace(NAMESPACE)
                    .withKubeVersion(KUBE_VERSION)
                    .withValuesFile(values)
                    .call();
            return RenderedChart.parse(manifests);
        } finally {
            deleteQuietly(values);
        }
    }

    /** The NOTES helm prints after installing with the defaults (a client-side dry run: no cluster). */
    String installNotes() {
        String output = helm.install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion(KUBE_VERSION)
                .dryRun()
                .withDryRunOption(DryRun.CLIENT)
                .clientOnly()
                .call()
                .getOutput();
        int notes = output.indexOf("NOTES:");
        if (notes < 0) {
            throw new AssertionError("helm printed no NOTES:\n" + output);
        }
        return output.substring(notes);
    }

    /** Helm's error message for values it refuses; fails the test when they render. */
    String refusal(String valuesYaml) {
        try {
            render(valuesYaml);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError("helm rendered the chart with values it should refuse:\n" + valuesYaml);
    }

    private static Path writeValues(String valuesYaml) {
        try {
            Path file = Files.createTempFile("thingbus-values-", ".yaml");
            Files.writeString(file, valuesYaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary file is harmless
        }
    }
}
