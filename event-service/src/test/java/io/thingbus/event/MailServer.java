package io.thingbus.event;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a free port of 127.0.0.1, one per test JVM, shared by every test class. Tests
 * send to addresses of their own and read only the mail addressed to them. Thread-safe.
 */
final class MailServer {

    private static MailServer instance;

    private final GreenMail greenMail;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static synchronized MailServer get() {
        if (instance == null) {
            GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "mail-server-stop"));
            instance = new MailServer(greenMail);
        }
        return instance;
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    /** Every mail received so far with {@code address} among its recipients, oldest first. */
    List<MimeMessage> mailTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            Address[] recipients = message.getAllRecipients();
            return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
