package io.thingbus.broker.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * A Kafka producer that callers on broker threads can use without ever blocking. {@code KafkaProducer.send} blocks
 * while Kafka is unreachable (metadata) or its buffer is full, so {@link #send} only hands the record to one sender
 * thread, through a bounded queue; when the queue is full the send fails at once. One thread keeps the order of the
 * calls, and the producer (idempotent) keeps it across retries.
 *
 * <p>Thread-safe. The returned stage completes on the producer's I/O thread: callbacks must be short.
 */
final class SerialKafkaSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SerialKafkaSender.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaProducer<String, byte[]> producer;
    private final ThreadPoolExecutor sender;
    private final String name;

    /** @param name what it sends, for its thread's name and log messages */
    SerialKafkaSender(KafkaProducer<String, byte[]> producer, int maxPending, String name) {
        this.producer = producer;
        this.name = name;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(maxPending),
                task -> daemon(task, "thingbus-" + name + "-sender"));
    }

    /**
     * Completes normally once Kafka acknowledged the record, exceptionally when it could not be stored (the cause
     * says why) or when {@code maxPending} records are already waiting. Never blocks, never throws.
     */
    CompletionStage<Void> send(ProducerRecord<String, byte[]> record) {
        CompletableFuture<Void> stored = new CompletableFuture<>();
        try {
            sender.execute(() -> sendNow(record, stored));
        } catch (RejectedExecutionException e) {
            stored.completeExceptionally(new IllegalStateException(
                    "too many " + name + " records wait for Kafka (" + sender.getQueue().size() + ")"));
        }
        return stored;
    }

    /**
     * Hands all records to the producer at once, in their order (one place in the queue), and completes normally once
     * Kafka acknowledged every one, exceptionally when one could not be stored or {@code maxPending} tasks already
     * wait. Never blocks, never throws.
     */
    CompletionStage<Void> sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<CompletableFuture<Void>> stored = records.stream().map(r -> new CompletableFuture<Void>()).toList();
        try {
            sender.execute(() -> {
                for (int i = 0; i < records.size(); i++) {
                    sendNow(records.get(i), stored.get(i));
                }
            });
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "too many " + name + " records wait for Kafka (" + sender.getQueue().size() + ")"));
        }
        return CompletableFuture.allOf(stored.toArray(CompletableFuture[]::new));
    }

    private void sendNow(ProducerRecord<String, byte[]> record, CompletableFuture<Void> stored) {
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    stored.complete(null);
                } else {
                    stored.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            stored.completeExceptionally(e);
        }
    }

    /** Hands what is queued to the producer (waiting up to ten seconds), then closes the producer. */
    @Override
    public void close() {
        sender.shutdown();
        try {
            if (!sender.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%d %s records were not handed to Kafka before shutdown", sender.getQueue().size(), name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(CLOSE_TIMEOUT);
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
