package io.thingbus.event.messaging;

import io.thingbus.event.config.WebhookConfig;
import io.thingbus.event.domain.DeliveryException;
import io.thingbus.event.domain.WebhookMessage;
import io.thingbus.event.domain.WebhookSender;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * {@link WebhookSender} with the JDK's HTTP client: {@code POST} with {@code Content-Type: application/json}, the
 * signature and alert-id headers; redirects are not followed. {@code https} receivers are verified against the JVM's
 * trust store. Blocks the calling (worker) thread. Thread-safe.
 */
@Singleton
public class HttpWebhookSender implements WebhookSender {

    static final String USER_AGENT = "Thingbus-Webhook/1";

    private final HttpClient client;
    private final WebhookConfig config;

    @Inject
    public HttpWebhookSender(WebhookConfig config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public void post(WebhookMessage message) {
        if (config.denyPrivateAddresses()) {
            refuseNonPublic(message.url().uri().getHost());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(message.url().uri())
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8));
        message.headers().forEach(request::header);
        int status = send(request.build());
        if (status < 200 || status > 299) {
            throw new DeliveryException("HTTP " + status, false);
        }
    }

    private int send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (HttpConnectTimeoutException e) {
            throw new DeliveryException("no connection within " + config.connectTimeout().toMillis() + " ms", false);
        } catch (HttpTimeoutException e) {
            throw new DeliveryException("no response within " + config.timeout().toMillis() + " ms", false);
        } catch (ConnectException e) {
            throw new DeliveryException("connection failed" + detail(e), false);
        } catch (IOException e) {
            throw new DeliveryException("request failed" + detail(e), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted: the service is stopping", false);
        }
    }

    private static String detail(IOException failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() == null ? " (" + cause.getClass().getSimpleName() + ")" : ": " + cause.getMessage();
    }

    /** Refuses hosts that resolve to an address that is not on the public internet. */
    static void refuseNonPublic(String host) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new DeliveryException("unknown host " + host, false);
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                throw new DeliveryException("refused: " + host + " is not a public address", true);
            }
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) != 0xfc;
        }
        boolean sharedAddressSpace = (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
        return !sharedAddressSpace && (bytes[0] & 0xff) != 0;
    }
}
