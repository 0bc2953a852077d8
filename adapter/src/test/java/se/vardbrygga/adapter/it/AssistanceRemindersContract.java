package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.server.AdapterServer;

/**
 * R-PA-1 over the real store: stays admitted through the intake, the clock moved, the reminder job run
 * as the scheduler runs it. Every test admits its own stay at the clock's time, so assertions are per stay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AssistanceRemindersContract {
    private static final String HSA_ID = "urn:oid:1.2.752.29.4.19";
    private static final String RULE_TASK = "http://vardbrygga.example/fhir/sid/rule-task";
    private static final String TASK_CODE = "http://vardbrygga.example/fhir/CodeSystem/task-code";
    private static final String WARD = "SE2321009918-VB1012";
    private static final String ASSISTANCE = "SE5590009915-VB3001";

    private final MovableClock clock = new MovableClock(Instant.parse("2027-01-04T08:00:00Z"));
    private AdapterServer server;
    private FhirHttp fhir;
    private FhirHttp intake;
    private int episodes;

    abstract AdapterConfig.Database database();

    @BeforeAll
    void start() throws Exception {
        server = SeededAdapter.start(database(), clock);
        fhir = new FhirHttp(server.baseUrl());
        intake = new FhirHttp(server.baseUrl().replace("/fhir", "/intake"));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    /** A stay admitted through the intake: its Encounter, the sender's episode id, the patient. */
    private record Stay(String encounter, String episode, String personnummer, Instant admitted) {
    }

    /** Admits the patient now, with or without personal assistance (compensation granted). */
    private Stay admit(String personnummer, boolean assistance) {
        String episode = "PA-" + (++episodes);
        FhirHttp.Response r = admission(personnummer, episode, "admission", assistance);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Stay(r.createdId("Encounter"), episode, personnummer, clock.instant().truncatedTo(ChronoUnit.SECONDS));
    }

    private void discharge(Stay stay) {
        FhirHttp.Response r = admission(stay.personnummer(), stay.episode(), "discharge", true);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private FhirHttp.Response admission(String personnummer, String episode, String event, boolean assistance) {
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        String json = ("{'sender':{'hsaId':'%s'},'patient':{'personnummer':'%s'},'episodeId':'%s','event':'%s',"
                + "'class':'inpatient','start':'%s'%s%s}").formatted(WARD, personnummer, episode, event, now,
                event.equals("discharge") ? ",'end':'" + now + "'" : "",
                assistance ? ",'personalAssistance':{'executorHsaId':'" + ASSISTANCE + "','compensationGranted':true}" : "");
        return intake.postJson("admission", json);
    }

    private List<Task> reminders(Stay stay) {
        return fhir.get("Task?code=" + TASK_CODE + "|assistance-limit-reminder&focus=Encounter/" + stay.encounter())
                .as(Bundle.class).getEntry().stream().map(e -> (Task) e.getResource()).toList();
    }

    private int reminders(Stay stay, String event) {
        return fhir.count("Task?identifier=" + RULE_TASK + "|" + stay.encounter() + "/" + event);
    }

    private int runJob() {
        return server.assistanceLimitReminders().runOnce();
    }

    @Test
    void executorIsRemindedAWeekBeforeTheFourWeekLimitAndWhenItPasses_R_PA_1() {
        Stay stay = admit("201506119815", true);

        clock.advance(Duration.ofDays(20));
        runJob();
        assertThat(reminders(stay)).isEmpty();

        clock.advance(Duration.ofDays(2)); // day 22: the limit is six days away
        runJob();
        runJob();
        List<Task> approaching = reminders(stay);
        assertThat(approaching).hasSize(1);
        Task reminder = approaching.get(0);
        assertThat(reminder.getIdentifierFirstRep().getValue()).isEqualTo(stay.encounter() + "/limit-approaching");
        assertThat(reminder.getStatus()).isEqualTo(Task.TaskStatus.REQUESTED);
        assertThat(reminder.getOwner().getReference()).isEqualTo("Organization/" + fhir.get("Organization?identifier="
                + HSA_ID + "|" + ASSISTANCE).as(Bundle.class).getEntryFirstRep().getResource().getIdElement().getIdPart());
        assertThat(reminder.getReasonCode().getCodingFirstRep().getCode()).isEqualTo("R-PA-1");
        assertThat(reminder.getRestriction().getPeriod().getEnd().toInstant()).isEqualTo(stay.admitted().plus(Duration.ofDays(28)));

        clock.advance(Duration.ofDays(7)); // day 29: the limit has passed
        runJob();
        runJob();
        assertThat(reminders(stay, "limit-approaching")).isEqualTo(1);
        assertThat(reminders(stay, "limit-passed")).isEqualTo(1);
    }

    @Test
    void noReminderAfterDischargeOrWithoutPersonalAssistance_R_PA_1() {
        Stay discharged = admit("194403279823", true);
        Stay withoutAssistance = admit("191212121212", false);
        clock.advance(Duration.ofDays(10));
        discharge(discharged);

        clock.advance(Duration.ofDays(19));
        runJob();

        assertThat(reminders(discharged)).isEmpty();
        assertThat(reminders(withoutAssistance)).isEmpty();
    }

    @Test
    void jobsRunningAtOnceCreateEachReminderOnce_R_PA_1() throws Exception {
        Stay stay = admit("191212121212", true);
        clock.advance(Duration.ofDays(22));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Callable<Integer> run = () -> {
                go.await();
                return runJob();
            };
            List<Future<Integer>> runs = List.of(pool.submit(run), pool.submit(run), pool.submit(run), pool.submit(run));
            go.countDown();
            for (Future<Integer> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(reminders(stay, "limit-approaching")).isEqualTo(1);
    }
}
