package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.fhir.Access;
import se.vardbrygga.adapter.fhir.BundleProcessor;
import se.vardbrygga.adapter.fhir.ResourceService;
import se.vardbrygga.adapter.search.Criterion;
import se.vardbrygga.adapter.search.IndexExtractor;
import se.vardbrygga.adapter.search.SearchParamRegistry;
import se.vardbrygga.adapter.search.SearchQuery;
import se.vardbrygga.adapter.search.SearchRequestParser;
import se.vardbrygga.adapter.store.JdbcResourceStore;
import se.vardbrygga.adapter.validation.ResourceValidator;

/**
 * The store under concurrent writers: conditional creates with the same criteria, optimistic locking
 * under racing updates, and rollback. Run on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreConcurrencyContract {
    private static final int WRITERS = 8;
    private static final String SID = FhirInteractionsContract.SID;

    private JdbcResourceStore store;
    private ResourceService service;
    private BundleProcessor bundles;
    private ExecutorService pool;

    abstract AdapterConfig.Database database();

    @BeforeAll
    void open() {
        store = JdbcResourceStore.open(database());
        FhirContext fhir = FhirContext.forR4Cached();
        SearchParamRegistry registry = SearchParamRegistry.standard();
        // the store's behaviour under concurrency does not depend on profiles: no validation here
        service = new ResourceService(fhir, new IndexExtractor(fhir, registry), new SearchRequestParser(registry),
                ResourceValidator.NONE, new se.vardbrygga.mappings.rules.DomainRules(),
                new se.vardbrygga.adapter.outbox.OutboxRouting(), Clock.systemUTC());
        bundles = new BundleProcessor(fhir, service, store, java.util.Set.of("Patient", "Task"));
        pool = Executors.newFixedThreadPool(WRITERS);
    }

    @AfterAll
    void close() {
        pool.shutdownNow();
        store.close();
    }

    @Test
    void When_ConcurrentConditionalCreatesWithSameCriteria_Expect_ExactlyOneResource() throws Exception {
        String value = "race-" + System.nanoTime();
        List<Boolean> created = race(() -> store.inTransaction(s ->
                service.create(s, FhirInteractionsContract.patient(value), "identifier=" + SID + "|" + value).created()));

        assertThat(created).containsOnlyOnce(true);
        assertThat(countByIdentifier(value)).isEqualTo(1);
    }

    @Test
    void When_ConcurrentTransactionsConditionallyCreateTheSamePatient_Expect_ExactlyOneAndAllReferToIt() throws Exception {
        String value = "tx-race-" + System.nanoTime();
        List<String> patients = race(() -> {
            Bundle answer = bundles.process(patientAndTask(value), Access.ALL);
            return answer.getEntry().get(0).getResponse().getLocation().replaceAll("/_history/.*", "");
        });

        assertThat(countByIdentifier(value)).isEqualTo(1);
        assertThat(patients).hasSize(WRITERS).containsOnly(patients.get(0));
    }

    @Test
    void When_ConditionalCreateMatchesACommittedResource_Expect_NoWaitForAnOpenTransactionWithTheSameCriteria() throws Exception {
        String value = "known-" + System.nanoTime();
        String criteria = "identifier=" + SID + "|" + value;
        String id = store.inTransaction(s -> service.create(s, FhirInteractionsContract.patient(value), criteria))
                .resource().getIdElement().getIdPart();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> open = pool.submit(() -> store.inTransaction(s -> {
            boolean created = service.create(s, FhirInteractionsContract.patient(value), criteria).created();
            holding.countDown();
            awaitQuietly(release); // the transaction stays open
            return created;
        }));
        try {
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            // before: every conditional create locked its criteria until commit, so this waited for the open one
            Future<String> single = pool.submit(() -> store.inTransaction(s ->
                    service.create(s, FhirInteractionsContract.patient(value), criteria).resource().getIdElement().getIdPart()));
            Future<Bundle> transaction = pool.submit(() -> bundles.process(patientAndTask(value), Access.ALL));
            assertThat(single.get(10, TimeUnit.SECONDS)).isEqualTo(id);
            assertThat(transaction.get(10, TimeUnit.SECONDS).getEntry().get(0).getResponse().getLocation()).startsWith("Patient/" + id);
        } finally {
            release.countDown();
        }
        assertThat(open.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(countByIdentifier(value)).isEqualTo(1);
    }

    /** A transaction: conditional create of the patient, and a Task for it referring to it by its fullUrl. */
    private static Bundle patientAndTask(String value) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(FhirInteractionsContract.patient(value))
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient").setIfNoneExist("identifier=" + SID + "|" + value);
        Task task = FhirInteractionsContract.task(value);
        task.setFor(new Reference(bundle.getEntryFirstRep().getFullUrl()));
        bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(task)
                .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Task");
        return bundle;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void When_ConcurrentUpdatesWithSameIfMatch_Expect_OneWinsOthers412() throws Exception {
        String id = store.inTransaction(s -> service.create(s, FhirInteractionsContract.patient("lock-" + System.nanoTime()), null))
                .resource().getIdElement().getIdPart();
        List<String> outcomes = race(() -> {
            try {
                store.inTransaction(s -> service.update(s, "Patient", id, new Patient(), 1, Access.ALL));
                return "updated";
            } catch (PreconditionFailedException e) {
                return "412";
            }
        });

        assertThat(outcomes).containsOnlyOnce("updated");
        assertThat(outcomes).filteredOn("412"::equals).hasSize(WRITERS - 1);
        assertThat(store.inTransaction(s -> service.read(s, "Patient", id)).getMeta().getVersionId()).isEqualTo("2");
    }

    @Test
    void When_ConcurrentUpdatesWithoutIfMatch_Expect_EveryOneANewVersion() throws Exception {
        String id = store.inTransaction(s -> service.create(s, FhirInteractionsContract.patient("ver-" + System.nanoTime()), null))
                .resource().getIdElement().getIdPart();
        List<String> versions = race(() -> store.inTransaction(s -> service.update(s, "Patient", id, new Patient(), null, Access.ALL))
                .getMeta().getVersionId());

        assertThat(versions).doesNotHaveDuplicates().hasSize(WRITERS);
        List<Resource> history = store.inTransaction(s -> service.history(s, "Patient", id));
        assertThat(history).hasSize(WRITERS + 1);
    }

    @Test
    void When_WorkFailsMidTransaction_Expect_NothingOfItStored() {
        String value = "rollback-" + System.nanoTime();
        assertThatThrownBy(() -> store.inTransaction(s -> {
            service.create(s, FhirInteractionsContract.patient(value), null);
            service.create(s, FhirInteractionsContract.patient(value), null);
            throw new IllegalStateException("second step failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(countByIdentifier(value)).isZero();
    }

    private int countByIdentifier(String value) {
        List<Criterion> criteria = List.of(new Criterion.Tokens("identifier",
                List.of(new Criterion.TokenValue(SID, false, value)), false));
        return store.inTransaction(s -> s.count("Patient", SearchQuery.of(criteria)));
    }

    /** Runs the same work on WRITERS threads released at once, and returns every result. */
    private <T> List<T> race(Callable<T> work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(f.get(60, TimeUnit.SECONDS));
        }
        return results;
    }
}
