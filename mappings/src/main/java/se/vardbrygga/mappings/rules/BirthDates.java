package se.vardbrygga.mappings.rules;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import se.vardbrygga.profiles.Canonical;

/** A patient's birth date: Patient.birthDate, else the date in the personnummer or samordningsnummer (day − 60). */
final class BirthDates {
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private BirthDates() {
    }

    static Optional<LocalDate> of(Patient patient) {
        if (patient.hasBirthDate()) {
            return Optional.of(patient.getBirthDate().toInstant().atZone(SWEDEN).toLocalDate());
        }
        for (Identifier id : patient.getIdentifier()) {
            String value = id.getValue();
            if (value == null || !value.matches("\\d{12}")) {
                continue;
            }
            int dayOffset = Canonical.SAMORDNINGSNUMMER.equals(id.getSystem()) ? 60
                    : Canonical.PERSONNUMMER.equals(id.getSystem()) ? 0 : -1;
            if (dayOffset < 0) {
                continue;
            }
            try {
                return Optional.of(LocalDate.of(Integer.parseInt(value.substring(0, 4)), Integer.parseInt(value.substring(4, 6)),
                        Integer.parseInt(value.substring(6, 8)) - dayOffset));
            } catch (DateTimeException invalid) {
                // the identifier checks refuse it; no age can be told from it
            }
        }
        return Optional.empty();
    }

    /** Whole years of age on {@code day}. */
    static Optional<Integer> ageOn(Patient patient, LocalDate day) {
        return of(patient).map(born -> Period.between(born, day).getYears());
    }
}
