package io.thingbus.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local suite's development mail server: accepts every message over plain SMTP on the loopback interface and
 * writes it to {@code <folder>/<time>-<n>.eml}, so what event-service sends can be read without a real mail account.
 * Not for production: no TLS, no authentication, nothing is relayed.
 */
public final class DevMailSink implements AutoCloseable {

    private final ServerSocket server;
    private final Path folder;
    private final AtomicInteger received = new AtomicInteger();

    private DevMailSink(ServerSocket server, Path folder) {
        this.server = server;
        this.folder = folder;
    }

    /** Listens on {@code port} (0 = any free port) and stores messages in {@code folder}. */
    public static DevMailSink start(int port, Path folder) {
        try {
            Files.createDirectories(folder);
            ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            DevMailSink sink = new DevMailSink(server, folder);
            Thread acceptor = new Thread(sink::acceptLoop, "dev-mail-sink");
            acceptor.setDaemon(true);
            acceptor.start();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the development mail sink on port " + port, e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> serve(client), "dev-mail-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = client.getOutputStream()) {
            new SmtpSession(in, out).run();
        } catch (IOException e) {
            // the client went away; nothing to keep
        }
    }

    private void store(String envelopeFrom, List<String> recipients, String message) throws IOException {
        String name = Instant.now().toString().replace(':', '-') + "-" + received.incrementAndGet() + ".eml";
        String header = "X-Thingbus-Envelope-From: " + envelopeFrom + "\r\nX-Thingbus-Envelope-To: "
                + String.join(", ", recipients) + "\r\n";
        Files.writeString(folder.resolve(name), header + message, StandardCharsets.UTF_8);
    }

    /** One SMTP conversation (RFC 5321, the commands a mail client needs). */
    private final class SmtpSession {
        private final BufferedReader in;
        private final OutputStream out;
        private String from = "";
        private final List<String> recipients = new ArrayList<>();

        SmtpSession(BufferedReader in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            reply("220 thingbus development mail sink");
            String line;
            while ((line = in.readLine()) != null) {
                if (!answer(line)) {
                    return;
                }
            }
        }

        private boolean answer(String line) throws IOException {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line.toUpperCase(Locale.ROOT);
            switch (command) {
                case "EHLO" -> reply("250-thingbus\r\n250 8BITMIME");
                case "HELO", "NOOP" -> reply("250 ok");
                case "MAIL" -> {
                    from = argument(line);
                    recipients.clear();
                    reply("250 ok");
                }
                case "RCPT" -> {
                    recipients.add(argument(line));
                    reply("250 ok");
                }
                case "DATA" -> receiveData();
                case "RSET" -> {
                    from = "";
                    recipients.clear();
                    reply("250 ok");
                }
                case "QUIT" -> {
                    reply("221 bye");
                    return false;
                }
                default -> reply("502 command not implemented");
            }
            return true;
        }

        private void receiveData() throws IOException {
            if (recipients.isEmpty()) {
                reply("503 need RCPT first");
                return;
            }
            reply("354 end with <CRLF>.<CRLF>");
            StringBuilder message = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null && !line.equals(".")) {
                message.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
            }
            store(from, List.copyOf(recipients), message.toString());
            recipients.clear();
            reply("250 ok: stored");
        }

        private String argument(String line) {
            int colon = line.indexOf(':');
            return colon < 0 ? "" : line.substring(colon + 1).trim().replaceAll("^<|>.*$", "");
        }

        private void reply(String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
