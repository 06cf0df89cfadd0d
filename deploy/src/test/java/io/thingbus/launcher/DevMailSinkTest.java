package io.thingbus.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevMailSinkTest {

    @TempDir
    Path folder;

    @Test
    void aMessageSentOverSmtp_isWrittenToTheFolder() throws Exception {
        try (DevMailSink sink = DevMailSink.start(0, folder);
             Socket socket = new Socket(InetAddress.getLoopbackAddress(), sink.port());
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            OutputStream out = socket.getOutputStream();
            assertThat(in.readLine()).startsWith("220");
            send(out, "EHLO test");
            assertThat(in.readLine()).startsWith("250-");
            assertThat(in.readLine()).startsWith("250 ");
            exchange(out, in, "MAIL FROM:<rules@thingbus.local>", "250");
            exchange(out, in, "RCPT TO:<ops@example.com>", "250");
            exchange(out, in, "DATA", "354");
            send(out, "Subject: temp above 30\r\n\r\ntemp is 31\r\n..leading dot\r\n.");
            assertThat(in.readLine()).startsWith("250");
            exchange(out, in, "QUIT", "221");
        }

        List<Path> mails;
        try (Stream<Path> files = Files.list(folder)) {
            mails = files.toList();
        }
        assertThat(mails).hasSize(1);
        assertThat(Files.readString(mails.get(0)))
                .contains("X-Thingbus-Envelope-To: ops@example.com")
                .contains("Subject: temp above 30")
                .contains("\r\n.leading dot\r\n");
    }

    private static void exchange(OutputStream out, BufferedReader in, String command, String expected) throws Exception {
        send(out, command);
        assertThat(in.readLine()).startsWith(expected);
    }

    private static void send(OutputStream out, String text) throws Exception {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
