package se.vardbrygga.mappings.intake;

import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import se.vardbrygga.mappings.Codes;
import se.vardbrygga.mappings.rules.PersonalAssistance;
import se.vardbrygga.profiles.Canonical;

/**
 * admission: an admission or discharge becomes the Encounter of the sender's episode, created or
 * updated by its identifier. The rules on write end the delegations at an inpatient admission (R-DEL-1),
 * prompt the assistance application (R-PA-2) and ask the municipality to decide at discharge.
 */
public final class AdmissionMapping implements IntakeMapping<IntakeRecords.Admission> {
    public static final String KIND = "admission";
    /** Identifier system of an episode: value = the sender's HSA-id + "/" + its episode id. */
    public static final String EPISODE = Canonical.BASE + "/sid/episode";
    private static final Map<String, String> CLASS = Map.of("inpatient", "IMP", "emergency", "EMER", "outpatient", "AMB");
    private static final Map<String, String> CLASS_DISPLAY = Map.of("IMP", "inpatient encounter", "EMER", "emergency",
            "AMB", "ambulatory");

    @Override
    public MappedIntake map(IntakeRecords.Admission r, IntakeContext context) {
        TransactionBuilder tx = new TransactionBuilder(context);
        String patient = Patients.add(r.patient(), tx);
        Reference sender = tx.unit(r.sender().hsaId(), "sender.hsaId");
        boolean discharge = "discharge".equals(r.event());
        String code = CLASS.get(r.encounterClass());

        Identifier episode = new Identifier().setSystem(EPISODE).setValue(r.sender().hsaId() + "/" + r.episodeId());
        Encounter encounter = new Encounter()
                .setStatus(discharge ? Encounter.EncounterStatus.FINISHED : Encounter.EncounterStatus.INPROGRESS)
                .setClass_(new Coding(Codes.V3_ACT_CODE, code, CLASS_DISPLAY.get(code)))
                .setSubject(new Reference(patient))
                .setServiceProvider(sender.copy());
        encounter.addIdentifier(episode);
        encounter.getPeriod().setStartElement(new DateTimeType(r.start()));
        if (r.end() != null) {
            encounter.getPeriod().setEndElement(new DateTimeType(r.end()));
        }
        if (r.personalAssistance() != null) {
            IntakeRecords.PersonalAssistance pa = r.personalAssistance();
            encounter.addExtension(new PersonalAssistance(
                    tx.unit(pa.executorHsaId(), "personalAssistance.executorHsaId"),
                    Boolean.TRUE.equals(pa.specialNeedsFlagged()), Boolean.TRUE.equals(pa.compensationGranted())).toExtension());
        }
        if (r.extensiveCare() != null) {
            // R-GV-1: the Gävleborg target group, whose discharge waits for SIP, risk analysis and checklist (R-GV-3)
            encounter.addReasonCode(new CodeableConcept(new Coding(Canonical.EXTENSIVE_CARE, r.extensiveCare(), null)));
        }
        tx.result(tx.createOrUpdate(encounter, TransactionBuilder.identifierCriteria(episode))).trace()
                .path(tx.index(), "Encounter", "event")
                .path(tx.index(), "Encounter.period", "start")
                .path(tx.index(), "Encounter.period.end", "end")
                .path(tx.index(), "Encounter.extension", "personalAssistance");
        return tx.finish(KIND, sender);
    }
}
