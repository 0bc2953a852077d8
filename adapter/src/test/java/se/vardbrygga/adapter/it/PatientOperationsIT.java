package se.vardbrygga.adapter.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.vardbrygga.adapter.server.AdapterServer;

/** The Patient operations over HTTP against the demo directory: $device-follow-up (R-AD-1), $responsible-unit. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientOperationsIT {
    private AdapterServer server;
    private FhirHttp fhir;
    private String patient;
    private String homeCare;

    @BeforeAll
    void start() throws Exception {
        server = SeededAdapter.start(TestDatabases.h2(), Clock.systemUTC());
        fhir = new FhirHttp(server.baseUrl());
        patient = id("Patient?identifier=http://electronichealth.se/identifier/personnummer|191212121212");
        homeCare = id("Organization?identifier=urn:oid:1.2.752.29.4.19|SE2120009952-VB2401");
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private String id(String search) {
        return fhir.get(search).as(Bundle.class).getEntryFirstRep().getResource().getIdElement().getIdPart();
    }

    private Parameters assessment(int a, int b, boolean atDischarge, String receiver) {
        Parameters in = new Parameters();
        in.addParameter().setName("device").setValue(new StringType("Rollator"));
        in.addParameter().setName("a").setValue(new IntegerType(a));
        in.addParameter().setName("b").setValue(new IntegerType(b));
        in.addParameter().setName("atDischarge").setValue(new BooleanType(atDischarge));
        if (receiver != null) {
            in.addParameter().setName("receivingUnit").setValue(new Reference(receiver));
        }
        return in;
    }

    private FhirHttp.Response ask(Parameters in) {
        return fhir.post("Patient/" + patient + "/$device-follow-up", in);
    }

    @Test
    void When_BothRatingsAreOne_Expect_CloseRecordedAndNoHandover_R_AD_1() {
        int tasks = fhir.count("Task");

        FhirHttp.Response r = ask(assessment(1, 1, false, null));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Parameters out = r.as(Parameters.class);
        assertThat(out.getParameter("decision").getValue().primitiveValue()).isEqualTo("close");
        assertThat(out.getParameter("handover")).isNull();
        Task recorded = fhir.get(((Reference) out.getParameter("assessment").getValue()).getReference()).as(Task.class);
        assertThat(recorded.getStatus()).isEqualTo(Task.TaskStatus.COMPLETED);
        assertThat(fhir.count("Task")).isEqualTo(tasks + 1);
    }

    @Test
    void When_RecurringFollowUpAtDischarge_Expect_HandoverTaskToTheMunicipality_R_AD_1() {
        FhirHttp.Response r = ask(assessment(3, 2, true, "Organization/" + homeCare));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Parameters out = r.as(Parameters.class);
        assertThat(out.getParameter("decision").getValue().primitiveValue()).isEqualTo("recurring-follow-up");
        String task = ((Reference) out.getParameter("handover").getValue()).getReference();
        Task handover = fhir.get(task).as(Task.class);
        assertThat(handover.getOwner().getReference()).isEqualTo("Organization/" + homeCare);
        assertThat(handover.getCode().getCodingFirstRep().getCode()).isEqualTo("follow-up-handover");
    }

    @Test
    void When_FollowUpMovesWithoutAReceiver_Expect_422NamingTheParameter_R_AD_1() {
        int tasks = fhir.count("Task");

        FhirHttp.Response r = ask(assessment(3, 3, true, null));

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        OperationOutcome oo = r.as(OperationOutcome.class);
        assertThat(oo.getIssueFirstRep().getExpression()).extracting(e -> e.getValue()).contains("receivingUnit");
        assertThat(oo.getIssueFirstRep().getDetails().getCodingFirstRep().getCode()).isEqualTo("R-AD-1");
        assertThat(fhir.count("Task")).isEqualTo(tasks);
    }

    @Test
    void When_RatingOutOfRange_Expect_400() {
        assertThat(ask(assessment(4, 1, false, null)).status()).isEqualTo(400);
        assertThat(fhir.post("Patient/no-such-patient/$device-follow-up", assessment(1, 1, false, null)).status()).isEqualTo(404);
    }

    @Test
    void When_ResponsibleUnitAskedForAnAdultNotEnrolled_Expect_RegionByTheThresholdPrinciple_R_HC_3() {
        FhirHttp.Response r = fhir.get("Patient/" + patient + "/$responsible-unit");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Parameters out = r.as(Parameters.class);
        assertThat(out.getParameter("principal").getValue().primitiveValue()).isEqualTo("region");
        assertThat(out.getParameter("rule").getValue()).isInstanceOfSatisfying(org.hl7.fhir.r4.model.Coding.class,
                c -> assertThat(c.getCode()).isEqualTo("R-HC-3"));
        assertThat(fhir.get("Patient/no-such-patient/$responsible-unit").status()).isEqualTo(404);
    }

    @Test
    void When_ResponsibleUnitAskedForAChild_Expect_RegionWithTheRuleIds_R_HC_1() {
        String child = id("Patient?identifier=http://electronichealth.se/identifier/personnummer|201506119815");

        Parameters out = fhir.get("Patient/" + child + "/$responsible-unit").as(Parameters.class);

        assertThat(out.getParameter().stream().filter(p -> p.getName().equals("rule"))
                .map(p -> ((org.hl7.fhir.r4.model.Coding) p.getValue()).getCode())).containsExactly("R-HC-1", "R-GV-4");
    }
}
