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
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardbrygga.adapter.channel.Channel;
import se.vardbrygga.adapter.channel.Delivery;
import se.vardbrygga.adapter.channel.Outgoing;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.fhir.ResourceService;
import se.vardbrygga.adapter.outage.Handover;
import se.vardbrygga.adapter.outage.OutageParcel;
import se.vardbrygga.adapter.outage.OutageParcels;
import se.vardbrygga.adapter.outage.OutageRoutine;
import se.vardbrygga.adapter.outage.PhoneCallTask;
import se.vardbrygga.adapter.store.OutboxEntry;
import se.vardbrygga.adapter.store.ResourceStore;
import se.vardbrygga.adapter.store.StoreSession;
import se.vardbrygga.adapter.store.StoredResource;
import se.vardbrygga.mappings.rules.Change;
import se.vardbrygga.mappings.routing.Routing;
import se.vardbrygga.mappings.rules.RuleEffects;
import se.vardbrygga.profiles.Canonical;

/**
 * Delivers the outbox after commit. Each run claims due rows ({@code FOR UPDATE SKIP LOCKED}: nodes sharing one
 * database, and the {@code routing.workers} runs side by side on one node, never take the same row), hands each to
 * the channel of its kind at the address of its Endpoint, and writes the outcome in the same transaction: delivered; a transient failure retried later with exponential
 * backoff and jitter; dead after the configured attempts or at once when the receiver refuses it. A crash between
 * delivery and commit leaves the row pending: it is delivered again with the same message id, which the receiver
 * recognises (idempotent delivery), so it is never acted on twice.
 *
 * <p>A Failsafe circuit breaker per Endpoint stops calling a system that keeps failing: while it is open the rows
 * wait without a call. Retrying itself is not Failsafe's RetryPolicy: an attempt must survive a restart, so the next
 * attempt time lives in the row.
 *
 * <p>The outage routine (R-OUT-1), when configured: a delivery still failing at its deadline (see
 * {@link OutageRoutine}) goes out as the SBAR form by encrypted e-mail, with a phone-call Task for the sending unit,
 * in the attempt's transaction; the row is then {@code FALLBACK_SENT} and keeps being tried through its channel. When
 * the system is back it is delivered tagged {@code delivery-status#fallback-sent}: the receiver records it as already
 * handled and does not act on it again (reconciled).
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
    private final Optional<OutageRoutine> outage;
    private final Map<String, CircuitBreaker<Object>> breakers = new ConcurrentHashMap<>();
    private final ExecutorService deliveries;
    private ScheduledExecutorService scheduler;

    private int workers() {
        return Math.max(1, settings.workers());
    }

    public OutboxWorker(ResourceStore store, ResourceService service, FhirContext fhir, Map<String, Channel> channels,
                        AdapterConfig.Routing settings, Optional<OutageRoutine> outage, DeliveryMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.outage = outage;
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
        scheduler = Executors.newScheduledThreadPool(workers(), r -> {
            Thread t = new Thread(r, "outbox-worker");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < workers(); i++) {
            scheduler.scheduleWithFixedDelay(this::drain, settings.pollMillis() * (i + 1) / workers(), settings.pollMillis(), TimeUnit.MILLISECONDS);
        }
        store.onOutboxCommit(this::wake);
        LOG.info("Outbox worker: {} rounds side by side, every {} ms and on commit, {} rows at a time", workers(),
                settings.pollMillis(), settings.batchSize());
        return this;
    }

    private final java.util.concurrent.atomic.AtomicInteger wakesPending = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * A commit added outbox rows: drain now instead of at the next poll (at most one extra run per worker waits; the
     * poll stays for retries that come due and for rows another node committed).
     */
    private void wake() {
        if (wakesPending.getAndUpdate(n -> n < workers() ? n + 1 : n) < workers()) {
            try {
                scheduler.execute(() -> {
                    wakesPending.decrementAndGet();
                    drain();
                });
            } catch (java.util.concurrent.RejectedExecutionException closing) {
                wakesPending.decrementAndGet();
            }
        }
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
                Prepared prepared = prepare(session, entry, now);
                attempts.add(prepared.failure() != null ? CompletableFuture.completedFuture(new Attempt(prepared.failure()))
                        : CompletableFuture.supplyAsync(() -> send(entry, prepared), deliveries));
            }
            // every outcome first (its latency is measured there), then what is written about them
            List<OutboxEntry.Status> statuses = new ArrayList<>();
            for (int i = 0; i < due.size(); i++) {
                statuses.add(record(session, due.get(i), attempts.get(i).join(), now));
            }
            for (int i = 0; i < due.size(); i++) {
                audit(session, due.get(i), attempts.get(i).join(), statuses.get(i), now);
            }
            return due.size();
        });
    }

    /**
     * A delivery attempt and what it was about: the address called and the patient of the resource; and when the
     * outage routine took part, what it did and what it carried.
     */
    private record Attempt(Delivery delivery, String address, Optional<String> patient, Optional<Handover> handover,
                           Optional<OutageParcel> parcel) {
        Attempt(Delivery delivery) {
            this(delivery, null, Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** A pending message the outage routine took over now, its system still failing (R-OUT-1). */
        boolean handedOver(OutboxEntry entry) {
            return entry.status() == OutboxEntry.Status.PENDING && delivery instanceof Delivery.Transient
                    && handover.filter(Handover::tookOver).isPresent();
        }

        /** The e-mail of a message handled by phone alone, sent now (R-OUT-1). */
        boolean mailedLater(OutboxEntry entry) {
            return entry.status() == OutboxEntry.Status.FALLBACK_SENT && handover.filter(h -> h.mail() == Handover.Mail.SENT).isPresent();
        }
    }

    /**
     * What a delivery needs, read in the transaction: the channel, the address, the resource version (tagged as
     * already handled after a fallback) and, for a row the outage routine takes over if this attempt fails, its
     * parcel; or why not.
     */
    private record Prepared(Channel channel, String address, Resource resource, Optional<OutageParcel> parcel, Delivery failure) {
        static Prepared failed(String why) {
            return new Prepared(null, null, null, Optional.empty(), new Delivery.Fatal(why));
        }
    }

    private Prepared prepare(StoreSession session, OutboxEntry entry, long now) {
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
        if (resource.isEmpty()) {
            return Prepared.failed(entry.resourceType() + " version " + entry.resourceVersion() + " not found");
        }
        // read only for a row the outage routine takes over if this attempt fails: not on the hot path
        Optional<OutageParcel> parcel = outage.isPresent() && outage.get().takesOver(entry, now, breaker(entry).isOpen())
                ? OutageParcels.of(entry.messageId(), entry.channel(), entry.unit(), resource.get(), service.facts(session),
                java.time.Instant.ofEpochMilli(now))
                : Optional.empty();
        if (entry.handledByOutageRoutine()) {
            resource.get().getMeta().addTag(Canonical.DELIVERY_STATUS, "fallback-sent", "Already handled by the outage routine");
        }
        return new Prepared(channel, endpoint.get().getAddress(), resource.get(), parcel, null);
    }

    /** The call to the downstream system, on a delivery thread, behind the Endpoint's circuit breaker. */
    private Attempt send(OutboxEntry entry, Prepared prepared) {
        Optional<String> patient = Routing.patientOf(prepared.resource());
        CircuitBreaker<Object> breaker = breaker(entry);
        Delivery delivery;
        if (!breaker.tryAcquirePermit()) {
            delivery = new Delivery.Transient("circuit open for " + entry.endpoint() + ": not called");
        } else {
            delivery = prepared.channel().deliver(new Outgoing(entry.messageId(), entry.channel(), prepared.address(), prepared.resource()));
            if (delivery instanceof Delivery.Transient) {
                breaker.recordFailure();
            } else {
                breaker.recordSuccess();
            }
        }
        // the parcel is there only for a row the outage routine takes over when this attempt fails (R-OUT-1)
        Optional<Handover> fallback = delivery instanceof Delivery.Transient
                ? prepared.parcel().flatMap(parcel -> outage.get().handOver(entry, parcel)) : Optional.empty();
        return new Attempt(delivery, prepared.address(), patient, fallback, prepared.parcel());
    }

    private CircuitBreaker<Object> breaker(OutboxEntry entry) {
        return breakers.computeIfAbsent(entry.endpoint(), k -> CircuitBreaker.builder()
                .withFailureThreshold(5).withDelay(Duration.ofMillis(settings.circuitOpenMillis())).withSuccessThreshold(1).build());
    }

    /** The hop's AuditEvent, and the Task's delivery status once delivered or dead; in the attempt's transaction. */
    private void audit(StoreSession session, OutboxEntry entry, Attempt attempt, OutboxEntry.Status status, long now) {
        service.insertBookkeeping(session, DeliveryRecords.hop(entry, attempt.address(), attempt.delivery(), attempt.patient(),
                new java.util.Date(now)));
        if (attempt.handedOver(entry) || attempt.mailedLater(entry)) { // R-OUT-1
            Handover handover = attempt.handover().orElseThrow();
            OutageParcel parcel = attempt.parcel().orElseThrow();
            service.insertBookkeeping(session, DeliveryRecords.fallbackHop(entry, parcel, handover.outcome(), new java.util.Date(now)));
            if (handover.phoneCall()) {
                PhoneCallTask.of(parcel, java.time.Instant.ofEpochMilli(now), handover.mail() == Handover.Mail.TO_RETRY)
                        .ifPresent(phone -> service.apply(session, new RuleEffects(List.of(phone), List.of())));
            }
            if (attempt.mailedLater(entry)) { // the phone call said the e-mail would follow: its Task notes that it has
                service.findMatch(session, "Task", PhoneCallTask.criteria(parcel)).ifPresent(call -> service.apply(session,
                        new RuleEffects(List.of(), List.of(PhoneCallTask.mailSentLater(call.getIdElement().getIdPart(), parcel,
                                java.time.Instant.ofEpochMilli(now))))));
            }
        }
        Optional<Change> taskStatus = switch (status) {
            case DELIVERED -> entry.handledByOutageRoutine() ? Optional.empty() : DeliveryRecords.taskStatus(entry, "delivered", "Delivered");
            case FALLBACK_SENT -> attempt.handedOver(entry) ? DeliveryRecords.taskStatus(entry, "fallback-sent", "Fallback sent") : Optional.empty();
            case DEAD -> DeliveryRecords.taskStatus(entry, "failed", "Failed");
            default -> Optional.empty();
        };
        taskStatus.ifPresent(change -> service.applyBookkeeping(session, List.of(change)));
    }

    /** Writes the outcome of the attempt on the row and returns the row's new status. */
    private OutboxEntry.Status record(StoreSession session, OutboxEntry entry, Attempt attempt, long now) {
        Delivery delivery = attempt.delivery();
        int attempts = entry.attempts() + 1;
        if (delivery instanceof Delivery.Delivered) {
            session.recordAttempt(entry.id(), OutboxEntry.Status.DELIVERED, attempts, now, now, null);
            if (entry.handledByOutageRoutine()) {
                metrics.reconciled(entry.channel());
            } else {
                metrics.delivered(entry.channel(), clock.millis() - entry.created());
            }
            return OutboxEntry.Status.DELIVERED;
        }
        if (attempt.handedOver(entry)) {
            Handover handover = attempt.handover().get();
            session.recordFallback(entry.id(), attempts, now + backoff(attempts), now, handover.outcome().detail(),
                    handover.mail() == Handover.Mail.TO_RETRY);
            metrics.fallback(entry.channel());
            LOG.warn("Outbox {} to {}: system down past the deadline, handed to the outage routine{}", entry.id(), entry.channel(),
                    handover.mail() == Handover.Mail.TO_RETRY ? " (phone call; the e-mail is tried again)" : "");
            return OutboxEntry.Status.FALLBACK_SENT;
        }
        if (entry.status() == OutboxEntry.Status.FALLBACK_SENT && delivery instanceof Delivery.Transient) {
            // already handled by the outage routine: reconciled whenever the system is back, never dead for waiting
            if (attempt.mailedLater(entry)) {
                session.recordOutageMailSent(entry.id());
            }
            session.recordAttempt(entry.id(), OutboxEntry.Status.FALLBACK_SENT, attempts, now + backoff(attempts), null,
                    delivery.detail() + attempt.handover().map(h -> "; outage routine: " + h.outcome().detail()).orElse(""));
            metrics.retried(entry.channel());
            return OutboxEntry.Status.FALLBACK_SENT;
        }
        if (delivery instanceof Delivery.Fatal fatal) {
            session.recordAttempt(entry.id(), OutboxEntry.Status.DEAD, attempts, now, null, fatal.detail());
            metrics.dead(entry.channel());
            LOG.warn("Outbox {} to {} refused: dead ({})", entry.id(), entry.channel(), fatal.detail());
            return OutboxEntry.Status.DEAD;
        }
        boolean dead = attempts >= settings.maxAttempts();
        long next = outage.map(o -> o.nextAttempt(entry, now, backoff(attempts))).orElseGet(() -> now + backoff(attempts));
        session.recordAttempt(entry.id(), dead ? OutboxEntry.Status.DEAD : OutboxEntry.Status.PENDING, attempts,
                next, null, delivery.detail() + attempt.handover().map(h -> "; outage routine: " + h.outcome().detail()).orElse(""));
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
