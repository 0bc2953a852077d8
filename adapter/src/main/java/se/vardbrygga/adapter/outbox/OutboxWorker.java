package se.vardbrygga.adapter.outbox;

import ca.uhn.fhir.context.FhirContext;
import dev.failsafe.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardbrygga.adapter.channel.Channel;
import se.vardbrygga.adapter.channel.Delivery;
import se.vardbrygga.adapter.channel.Outgoing;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.fhir.ResourceService;
import se.vardbrygga.adapter.store.OutboxEntry;
import se.vardbrygga.adapter.store.ResourceStore;
import se.vardbrygga.adapter.store.StoreSession;
import se.vardbrygga.adapter.store.StoredResource;
import se.vardbrygga.mappings.rules.Change;

/**
 * Delivers the outbox after commit. Each run claims due rows ({@code FOR UPDATE SKIP LOCKED}: nodes sharing one
 * database never take the same row), hands each to the channel of its kind at the address of its Endpoint, and
 * writes the outcome in the same transaction: delivered; a transient failure retried later with exponential
 * backoff and jitter; dead after the configured attempts or at once when the receiver refuses it. A crash between
 * delivery and commit leaves the row pending: it is delivered again with the same message id, which the receiver
 * recognises (idempotent delivery), so it is never acted on twice.
 *
 * <p>A Failsafe circuit breaker per Endpoint stops calling a system that keeps failing: while it is open the rows
 * wait without a call. Retrying itself is not Failsafe's RetryPolicy: an attempt must survive a restart, so the next
 * attempt time lives in the row.
 */
public final class OutboxWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);

    private final ResourceStore store;
    private final ResourceService service;
    private final FhirContext fhir;
    private final Map<String, Channel> channels;
    private final AdapterConfig.Routing settings;
    private final DeliveryMetrics metrics;
    private final Clock clock;
    private final Map<String, CircuitBreaker<Object>> breakers = new ConcurrentHashMap<>();
    private final ExecutorService deliveries;
    private ScheduledExecutorService scheduler;

    public OutboxWorker(ResourceStore store, ResourceService service, FhirContext fhir, Map<String, Channel> channels,
                        AdapterConfig.Routing settings, DeliveryMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.deliveries = Executors.newFixedThreadPool(Math.max(1, settings.batchSize()), r -> {
            Thread t = new Thread(r, "outbox-delivery");
            t.setDaemon(true);
            return t;
        });
        this.store = store;
        this.service = service;
        this.fhir = fhir;
        this.channels = channels;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs every {@code pollMillis} on its own thread, draining what is due; nothing when pollMillis is 0. */
    public OutboxWorker start() {
        if (settings.pollMillis() <= 0) {
            LOG.info("Outbox worker is off on this node (routing.pollMillis = 0)");
            return this;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-worker");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::drain, settings.pollMillis(), settings.pollMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Outbox worker runs every {} ms, {} rows at a time", settings.pollMillis(), settings.batchSize());
        return this;
    }

    private void drain() {
        try {
            while (runOnce() == settings.batchSize()) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            LOG.warn("Outbox run failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * One claim-deliver-record round in one transaction; returns the number of rows it handled. What a delivery needs
     * is read from the database first; the calls to the downstream systems then run side by side on the delivery
     * threads (the slow part is the network), and their outcomes are recorded in the claiming transaction.
     */
    public int runOnce() {
        return store.inTransaction(session -> {
            long now = clock.millis();
            List<OutboxEntry> due = session.claimDue(now, settings.batchSize());
            List<CompletableFuture<Attempt>> attempts = new ArrayList<>();
            for (OutboxEntry entry : due) {
                Prepared prepared = prepare(session, entry);
                attempts.add(prepared.failure() != null ? CompletableFuture.completedFuture(new Attempt(prepared.failure()))
                        : CompletableFuture.supplyAsync(() -> send(entry, prepared), deliveries));
            }
            for (int i = 0; i < due.size(); i++) {
                Attempt attempt = attempts.get(i).join();
                OutboxEntry.Status status = record(session, due.get(i), attempt.delivery(), now);
                audit(session, due.get(i), attempt, status, now);
            }
            return due.size();
        });
    }

    /** A delivery attempt and what it was about: the address called and the patient of the resource. */
    private record Attempt(Delivery delivery, String address, Optional<String> patient) {
        Attempt(Delivery delivery) {
            this(delivery, null, Optional.empty());
        }
    }

    /** What a delivery needs, read in the transaction: the channel, the address, the resource version; or why not. */
    private record Prepared(Channel channel, String address, Resource resource, Delivery failure) {
        static Prepared failed(String why) {
            return new Prepared(null, null, null, new Delivery.Fatal(why));
        }
    }

    private Prepared prepare(StoreSession session, OutboxEntry entry) {
        Channel channel = channels.get(entry.channel());
        if (channel == null) {
            return Prepared.failed("no channel of kind " + entry.channel());
        }
        Optional<Endpoint> endpoint = read(session, entry.endpoint()).filter(Endpoint.class::isInstance).map(Endpoint.class::cast)
                .filter(e -> e.getStatus() == Endpoint.EndpointStatus.ACTIVE && e.hasAddress());
        if (endpoint.isEmpty()) {
            return Prepared.failed(entry.endpoint() + " is not an active Endpoint with an address");
        }
        Optional<Resource> resource = session.readVersion(entry.resourceType(), entry.resourceId(), entry.resourceVersion()).map(this::parse);
        return resource.map(r -> new Prepared(channel, endpoint.get().getAddress(), r, null))
                .orElseGet(() -> Prepared.failed(entry.resourceType() + " version " + entry.resourceVersion() + " not found"));
    }

    /** The call to the downstream system, on a delivery thread, behind the Endpoint's circuit breaker. */
    private Attempt send(OutboxEntry entry, Prepared prepared) {
        Optional<String> patient = patientOf(prepared.resource());
        CircuitBreaker<Object> breaker = breakers.computeIfAbsent(entry.endpoint(), k -> CircuitBreaker.builder()
                .withFailureThreshold(5).withDelay(Duration.ofSeconds(30)).withSuccessThreshold(1).build());
        if (!breaker.tryAcquirePermit()) {
            return new Attempt(new Delivery.Transient("circuit open for " + entry.endpoint() + ": not called"), prepared.address(), patient);
        }
        Delivery delivery = prepared.channel().deliver(new Outgoing(entry.messageId(), entry.channel(), prepared.address(), prepared.resource()));
        if (delivery instanceof Delivery.Transient) {
            breaker.recordFailure();
        } else {
            breaker.recordSuccess();
        }
        return new Attempt(delivery, prepared.address(), patient);
    }

    private static Optional<String> patientOf(Resource resource) {
        Reference patient = resource instanceof Task t ? t.getFor()
                : resource instanceof Communication c ? c.getSubject() : null;
        return patient == null || patient.getReference() == null || !patient.getReference().startsWith("Patient/")
                ? Optional.empty() : Optional.of(patient.getReference());
    }

    /** The hop's AuditEvent, and the Task's delivery status once delivered or dead; in the attempt's transaction. */
    private void audit(StoreSession session, OutboxEntry entry, Attempt attempt, OutboxEntry.Status status, long now) {
        service.insertBookkeeping(session, DeliveryRecords.hop(entry, attempt.address(), attempt.delivery(), attempt.patient(),
                new java.util.Date(now)));
        Optional<Change> taskStatus = switch (status) {
            case DELIVERED -> DeliveryRecords.taskStatus(entry, "delivered", "Delivered");
            case DEAD -> DeliveryRecords.taskStatus(entry, "failed", "Failed");
            default -> Optional.empty();
        };
        taskStatus.ifPresent(change -> service.applyBookkeeping(session, List.of(change)));
    }

    /** Writes the outcome of the attempt on the row and returns the row's new status. */
    private OutboxEntry.Status record(StoreSession session, OutboxEntry entry, Delivery delivery, long now) {
        int attempts = entry.attempts() + 1;
        if (delivery instanceof Delivery.Delivered) {
            session.recordAttempt(entry.id(), OutboxEntry.Status.DELIVERED, attempts, now, now, null);
            metrics.delivered(entry.channel(), clock.millis() - entry.created());
            return OutboxEntry.Status.DELIVERED;
        }
        if (delivery instanceof Delivery.Fatal fatal) {
            session.recordAttempt(entry.id(), OutboxEntry.Status.DEAD, attempts, now, null, fatal.detail());
            metrics.dead(entry.channel());
            LOG.warn("Outbox {} to {} refused: dead ({})", entry.id(), entry.channel(), fatal.detail());
            return OutboxEntry.Status.DEAD;
        }
        boolean dead = attempts >= settings.maxAttempts();
        session.recordAttempt(entry.id(), dead ? OutboxEntry.Status.DEAD : OutboxEntry.Status.PENDING, attempts,
                now + backoff(attempts), null, delivery.detail());
        if (dead) {
            metrics.dead(entry.channel());
            LOG.warn("Outbox {} to {} dead after {} attempts ({})", entry.id(), entry.channel(), attempts, delivery.detail());
            return OutboxEntry.Status.DEAD;
        }
        metrics.retried(entry.channel());
        return OutboxEntry.Status.PENDING;
    }

    /** Exponential backoff with "equal jitter": half the step fixed, half random, at most backoffMaxMillis. */
    long backoff(int attempts) {
        long step = Math.min(settings.backoffMaxMillis(),
                settings.backoffBaseMillis() * (1L << Math.min(30, Math.max(0, attempts - 1))));
        return step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1);
    }

    private Optional<Resource> read(StoreSession session, String reference) {
        if (reference == null || !reference.contains("/")) {
            return Optional.empty();
        }
        return session.read(reference.substring(0, reference.indexOf('/')), reference.substring(reference.indexOf('/') + 1)).map(this::parse);
    }

    private Resource parse(StoredResource stored) {
        return (Resource) fhir.newJsonParser().parseResource(stored.json());
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
