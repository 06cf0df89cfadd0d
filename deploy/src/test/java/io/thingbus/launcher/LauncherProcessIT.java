package io.thingbus.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.thingbus.infra.FreePort;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher as an operator runs it ({@code java … Launcher up}, the command {@code ./thingbus up} ends in): killed
 * with SIGKILL it leaves no service or broker behind and frees its ports; started again on the same data it comes
 * back with the same demo user; SIGTERM stops everything.
 */
class LauncherProcessIT {

    private final Path home = Path.of(System.getProperty("thingbus.home", "..")).toAbsolutePath().normalize();

    @Test
    void killedLauncher_leavesNothingBehind_andTheNextStartKeepsTheData() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "launcher-");
        Map<String, String> env = environment(data);

        Process first = start(env, data.resolve("launcher-1.log"));
        Properties firstEnv = awaitLocalEnv(data, first);
        List<ProcessHandle> children = first.descendants().toList();
        assertThat(children).hasSizeGreaterThanOrEqualTo(8);

        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(60)).until(() -> children.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(portIsFree(Integer.parseInt(env.get("THINGBUS_GATEWAY_PORT")))).isTrue();
        assertThat(portIsFree(Integer.parseInt(env.get("THINGBUS_MQTT_PORT")))).isTrue();

        Files.delete(data.resolve("local.env"));
        Process second = start(env, data.resolve("launcher-2.log"));
        Properties secondEnv = awaitLocalEnv(data, second);
        assertThat(secondEnv.getProperty("THINGBUS_USER_ID")).isEqualTo(firstEnv.getProperty("THINGBUS_USER_ID"));
        assertThat(secondEnv.getProperty("THINGBUS_API_KEY")).isEqualTo(firstEnv.getProperty("THINGBUS_API_KEY"));
        List<ProcessHandle> secondChildren = second.descendants().toList();

        second.destroy();
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> secondChildren.stream().noneMatch(ProcessHandle::isAlive));
        assertThat(Files.exists(data.resolve("postgres").resolve("postmaster.pid"))).isFalse();
    }

    private Map<String, String> environment(Path data) {
        Map<String, String> env = new HashMap<>();
        env.put("THINGBUS_DATA_DIR", data.toString());
        for (String port : List.of("MQTT", "WS", "MQTTS", "WSS", "GATEWAY", "KAFKA", "POSTGRES", "SMTP",
                "BROKER_SERVICE", "DEVICE_SERVICE", "STREAM_SERVICE", "EVENT_SERVICE", "COMMAND_SERVICE",
                "SESSION_SERVICE")) {
            env.put("THINGBUS_" + port + "_PORT", Integer.toString(FreePort.find()));
        }
        return env;
    }

    private Process start(Map<String, String> env, Path log) throws IOException {
        String classpath = home.resolve("deploy/target/classes") + java.io.File.pathSeparator
                + Files.readString(home.resolve("deploy/target/launcher-classpath.txt")).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dthingbus.home=" + home, "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", classpath, Launcher.class.getName(), "up"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().remove("THINGBUS_ADMIN_KEY");
        return builder.start();
    }

    private static Properties awaitLocalEnv(Path data, Process launcher) throws IOException {
        Path file = data.resolve("local.env");
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                .until(() -> Files.exists(file) || !launcher.isAlive());
        assertThat(launcher.isAlive()).as("the launcher is running").isTrue();
        Properties env = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            env.load(reader);
        }
        return env;
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
