package se.vardbrygga.mappings.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.rules.Fixtures;
import se.vardbrygga.mappings.rules.ListFacts;
import se.vardbrygga.profiles.Canonical;

/** The channel per situation, decided from the directory (R-COM-1..3, R-INFO-1..3). */
class RoutingTest {
    private static final Instant NOW = Instant.parse("2026-11-25T09:00:00Z");
    private final ListFacts facts = new ListFacts(NOW);

    private Organization unit(String id, String type, String... channels) {
        Organization org = Fixtures.unit(id, type);
        for (String channel : channels) {
            Endpoint e = new Endpoint().setStatus(Endpoint.EndpointStatus.ACTIVE)
                    .setConnectionType(new Coding(Canonical.ENDPOINT_TYPE, channel, null)).setAddress("http://sim/" + channel);
            e.setId(id + "-" + channel);
            facts.add(e);
            org.addEndpoint(new Reference("Endpoint/" + e.getIdElement().getIdPart()));
        }
        return facts.add(org);
    }

    @BeforeEach
    void directory() {
        unit("ward", "region-ward", "cosmic-link", "smime-email", "phone");
        unit("ed", "emergency-department", "cosmic-link", "phone");
        unit("clinic", "outpatient-clinic", "cosmic-messenger", "phone");
        unit("clinic-unconnected", "outpatient-clinic", "phone");
        unit("hc", "health-centre", "cosmic-journal", "npo", "phone");
        unit("homecare", "municipal-home-care", "lifecare-sp", "cosmic-link", "phone");
    }

    private static Task task(String code, String from, String to) {
        Task t = new Task().setStatus(Task.TaskStatus.REQUESTED).setIntent(Task.TaskIntent.ORDER).setCode(Codes.taskCode(code))
                .setFor(new Reference(Fixtures.PATIENT)).setRequester(new Reference("Organization/" + from))
                .setOwner(new Reference("Organization/" + to));
        t.setId("t1");
        return t;
    }

    private static Communication message(String from, String to) {
        Communication c = new Communication().setStatus(Communication.CommunicationStatus.COMPLETED)
                .setSubject(new Reference(Fixtures.PATIENT)).setSender(new Reference("Organization/" + from));
        c.addRecipient(new Reference("Organization/" + to));
        c.setId("c1");
        return c;
    }

    private static String channels(RoutingDecision d) {
        return String.join(",", d.routes().stream().map(r -> r.channel() + ">" + r.unit().substring(13) + ":" + r.rules().get(0)).toList());
    }

    @Test
    void homeCareAssignmentGoesToTheJournalNpoAndLifecare_R_INFO_2() {
        RoutingDecision d = Routing.of(task("home-care-assignment", "hc", "homecare"), Optional.empty(), facts);
        assertThat(channels(d)).isEqualTo("cosmic-journal>hc:R-INFO-2,npo>hc:R-INFO-2,lifecare-sp>homecare:R-INFO-2");
        assertThat(d.unroutable()).isEmpty();
    }

    @Test
    void sipInvitationAndSingleHomeVisitGoByLifecare_R_INFO_1_R_INFO_3() {
        assertThat(channels(Routing.of(task("sip-invitation", "hc", "homecare"), Optional.empty(), facts)))
                .isEqualTo("lifecare-sp>homecare:R-INFO-1");
        assertThat(channels(Routing.of(task("home-visit", "ward", "homecare"), Optional.empty(), facts)))
                .isEqualTo("lifecare-sp>homecare:R-INFO-3");
    }

    @Test
    void oneWayInformationToTheEmergencyDepartmentGoesByCosmicLink_R_COM_2() {
        Communication notice = message("homecare", "ed");
        notice.addExtension(Codes.ONE_WAY, new BooleanType(true));
        assertThat(channels(Routing.of(notice, Optional.empty(), facts))).isEqualTo("cosmic-link>ed:R-COM-2");
    }

    @Test
    void duringAnInpatientStayMunicipalityAndRegionUseCosmicLink_R_COM_3() {
        facts.add(Fixtures.inpatient("e1", EncounterStatus.INPROGRESS, NOW));
        assertThat(channels(Routing.of(task("companion-request", "ward", "homecare"), Optional.empty(), facts)))
                .isEqualTo("cosmic-link>homecare:R-COM-3");
        assertThat(channels(Routing.of(message("homecare", "ward"), Optional.empty(), facts)))
                .isEqualTo("cosmic-link>ward:R-COM-3");
    }

    @Test
    void plannedVisitUsesMessengerOnlyForAConnectedClinicNeverCosmicLink_R_COM_1() {
        assertThat(channels(Routing.of(message("homecare", "clinic"), Optional.empty(), facts)))
                .isEqualTo("cosmic-messenger>clinic:R-COM-1");
        RoutingDecision unconnected = Routing.of(message("homecare", "clinic-unconnected"), Optional.empty(), facts);
        assertThat(unconnected.routes()).isEmpty();
        assertThat(unconnected.unroutable()).singleElement().asString().startsWith("R-COM-1").contains("telephone");
    }

    @Test
    void missingEndpointIsReportedNotDropped_R_INFO_1() {
        unit("homecare-2", "municipal-home-care", "phone");
        RoutingDecision d = Routing.of(task("sip-invitation", "hc", "homecare-2"), Optional.empty(), facts);
        assertThat(d.routes()).isEmpty();
        assertThat(d.unroutable()).singleElement().asString().contains("lifecare-sp");
    }

    @Test
    void theOwnersReplyGoesBackToTheRequester_R_INFO_2() {
        Task request = task("home-care-assignment", "hc", "homecare");
        Task accepted = request.copy().setStatus(Task.TaskStatus.ACCEPTED);
        unit("hc", "health-centre", "cosmic-journal", "npo", "lifecare-sp");
        RoutingDecision reply = Routing.of(accepted, Optional.of(request), facts);
        assertThat(channels(reply)).isEqualTo("lifecare-sp>hc:R-INFO-2");
        assertThat(Routing.of(accepted, Optional.of(accepted), facts).routed()).isFalse(); // no status change, no message
    }

    @Test
    void heldTaskIsNotRoutedUntilReleased_R_CON_1() {
        Task held = task("sip-invitation", "hc", "homecare").setStatus(Task.TaskStatus.ONHOLD);
        assertThat(Routing.of(held, Optional.empty(), facts).routed()).isFalse();
        Task released = held.copy().setStatus(Task.TaskStatus.REQUESTED);
        assertThat(channels(Routing.of(released, Optional.of(held), facts))).isEqualTo("lifecare-sp>homecare:R-INFO-1");
    }

    @Test
    void withinOnePrincipalNothingIsRouted() {
        assertThat(Routing.of(message("ward", "hc"), Optional.empty(), facts).routed()).isFalse();
        assertThat(Routing.of(new org.hl7.fhir.r4.model.Provenance(), Optional.empty(), facts).routed()).isFalse();
    }
}
