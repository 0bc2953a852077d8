package se.vardbrygga.mappings.intake;

import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import se.vardbrygga.profiles.Canonical;

/** The patient of an intake: found by personnummer or samordningsnummer, created when unknown. */
final class Patients {
    private Patients() {
    }

    /** Adds the patient (conditional create) and returns its placeholder. */
    static String add(IntakeRecords.Patient record, TransactionBuilder tx) {
        boolean pnr = record.personnummer() != null;
        if (pnr == (record.samordningsnummer() != null)) {
            throw IntakeRejected.of("patient.personnummer",
                    "Give exactly one of patient.personnummer and patient.samordningsnummer", null);
        }
        Identifier id = pnr
                ? new Identifier().setSystem(Canonical.PERSONNUMMER).setValue(record.personnummer())
                : new Identifier().setSystem(Canonical.SAMORDNINGSNUMMER).setValue(record.samordningsnummer());
        Patient patient = new Patient();
        patient.addIdentifier(id);
        String ref = tx.createIfNoneExist(patient, TransactionBuilder.identifierCriteria(id));
        tx.trace().path(tx.index(), "Patient", pnr ? "patient.personnummer" : "patient.samordningsnummer");
        return ref;
    }
}
