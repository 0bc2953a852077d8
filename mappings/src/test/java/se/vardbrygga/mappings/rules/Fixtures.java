package se.vardbrygga.mappings.rules;

import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.profiles.Canonical;

/** Small resources for the rule tests. */
public final class Fixtures {
    public static final String PATIENT = "Patient/p1";

    private Fixtures() {
    }

    public static Organization unit(String id, String type) {
        Organization org = new Organization();
        org.setId(id);
        org.addType(new CodeableConcept(new Coding(Canonical.ORGANIZATION_TYPE, type, null)));
        return org;
    }

    static PractitionerRole professional(String id, String unitId, String licensedProfession) {
        PractitionerRole role = new PractitionerRole();
        role.setId(id);
        role.setOrganization(new Reference("Organization/" + unitId));
        if (licensedProfession != null) {
            role.addCode(new CodeableConcept(new Coding(Canonical.LICENSED_PROFESSION, licensedProfession, null)));
        }
        return role;
    }

    static Task delegation(String id, Task.TaskStatus status, String requesterRoleId) {
        Task task = new Task().setStatus(status).setIntent(Task.TaskIntent.ORDER).setCode(Codes.taskCode("delegation"))
                .setFor(new Reference(PATIENT)).setRequester(new Reference("PractitionerRole/" + requesterRoleId))
                .setOwner(new Reference("PractitionerRole/assistant"));
        task.setId(id);
        return task;
    }

    public static Encounter inpatient(String id, Encounter.EncounterStatus status, Instant start) {
        Encounter e = new Encounter().setStatus(status)
                .setClass_(new Coding(Codes.V3_ACT_CODE, "IMP", "inpatient encounter"))
                .setSubject(new Reference(PATIENT))
                .setServiceProvider(new Reference("Organization/ward"));
        e.getPeriod().setStart(Date.from(start));
        e.setId(id);
        return e;
    }
}
