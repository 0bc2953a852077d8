package se.vardbrygga.mappings.intake;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The intake documents as records; their JSON Schemas are in {@code intake/schemas/<kind>.json}. */
public final class IntakeRecords {
    private IntakeRecords() {
    }

    public record Unit(String hsaId) {
    }

    public record Patient(String personnummer, String samordningsnummer, Boolean hasExecutorSupport) {
    }

    public record Visit(String unitHsaId, String start) {
    }

    public record CompanionNeed(Unit sender, Patient patient, String visitContext, Visit visit, Unit executor, String need) {
    }

    public record Delegator(String hsaId, String name, String unitHsaId, String licensedProfession) {
    }

    public record Delegate(String name, String hsaId, String employerHsaId) {
    }

    public record Validity(String start, String end) {
    }

    public record Delegation(Unit sender, Patient patient, Delegator delegator, Delegate delegate, String task,
                             String decisionDate, Validity validity) {
    }

    public record PersonalAssistance(String executorHsaId, Boolean specialNeedsFlagged, Boolean compensationGranted) {
    }

    public record Admission(Unit sender, Patient patient, String episodeId, String event,
                            @JsonProperty("class") String encounterClass, String start, String end,
                            PersonalAssistance personalAssistance, String extensiveCare) {
    }

    public record OrderingPhysician(String hsaId, String name, String phone) {
    }

    public record Period(String start, String end) {
    }

    public record ConsentRecord(Boolean documented, String date) {
    }

    public record HomeVisit(Unit sender, Patient patient, OrderingPhysician orderingPhysician, Unit homeCareUnit,
                            String intervention, String description, Period period, Integer visitsPerWeek,
                            ConsentRecord consent, Boolean prescriptionInNpo) {
        HomeVisitOrder order() {
            return new HomeVisitOrder(orderingPhysician, intervention, description, period, visitsPerWeek, consent, prescriptionInNpo);
        }
    }

    /** What a home-visit order says, alone (home-visit) or inside an SBAR handover (sbar-handover). */
    public record HomeVisitOrder(OrderingPhysician orderingPhysician, String intervention, String description, Period period,
                                 Integer visitsPerWeek, ConsentRecord consent, Boolean prescriptionInNpo) {
    }

    public record SbarHandover(Unit sender, Unit recipient, Patient patient, String situation, String background,
                               String assessment, String recommendation, HomeVisitOrder homeVisit) {
    }

    public record HomeCareAssignment(Unit sender, Patient patient, OrderingPhysician physician, Unit homeCareUnit,
                                     String assignmentId, String reason, String background, String status,
                                     String orderedTreatment, java.util.List<String> needs) {
    }

    public record Person(String hsaId, String name) {
    }

    public record Invited(String hsaId, String responsibility) {
    }

    public record Kartlaggning(String reason, String background, String status, String orderedTreatment) {
    }

    public record SipInvitation(Unit sender, Patient patient, Person careContact, String dischargeReadyDate, String deadline,
                                java.util.List<Invited> invited, Kartlaggning kartlaggning) {
    }

    public record Escalation(Unit sender, Patient patient, Unit otherUnit, String escalationId, Integer level,
                             String disagreement, String noticedFirst, Boolean settled) {
    }

    public record ConsentDecision(Unit sender, Patient patient, String decision, java.util.List<Unit> receivingUnits,
                                  Period period, String date) {
    }

    public record DeviceFollowUpRecord(Unit sender, Patient patient, Person prescriber, String device, Integer a, Integer b,
                                       Boolean patientCanTakeResponsibility, Boolean followUpNeeded,
                                       Boolean responsibilityStays, Boolean atDischarge, Unit receivingUnit) {
    }

    public record PurchasedTask(String kind, String text) {
    }

    public record ServicePurchase(Unit sender, Patient patient, String region, Unit executor, Period period,
                                  String daysAndTimes, String partOfDay, java.util.List<PurchasedTask> tasks, String deadline,
                                  Person signedBy, Boolean signAfterwards) {
    }

    /** A party's signature of a service-purchase agreement: which party, who, when. */
    public record Signature(String party, Person signedBy, String signedAt) {
    }

    public record ServicePurchaseAgreement(String agreementId, Unit sender, Patient patient, String region, Unit executor,
                                           Period period, String daysAndTimes, String partOfDay,
                                           java.util.List<PurchasedTask> tasks, java.util.List<String> invoiceMarks,
                                           Boolean specialistTreatmentResponsibility, java.util.List<Signature> signatures) {
    }

    /** One reported interval of work, with the executor's own id for it (so a resend is not counted twice). */
    public record WorkedInterval(String reportId, String start, String end) {
    }

    public record ReportedHoursRecord(Unit sender, String agreementId, java.util.List<WorkedInterval> hours) {
    }
}
