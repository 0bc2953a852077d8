package se.vardbrygga.mappings.intake;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import se.vardbrygga.profiles.Canonical;

/** A named professional's role at a unit, found by HSA-id or created (Practitioner and PractitionerRole). */
final class Roles {
    private Roles() {
    }

    /** Adds the person and the role (conditional creates on the HSA-id) and returns the role's placeholder. */
    static String at(String hsaId, String name, String phone, Reference unit, CodeableConcept code, String field,
                     TransactionBuilder tx) {
        Identifier id = new Identifier().setSystem(Canonical.HSA_ID).setValue(hsaId);
        Practitioner person = new Practitioner().addName(new HumanName().setText(name));
        person.addIdentifier(id.copy());
        String practitioner = tx.createIfNoneExist(person, TransactionBuilder.identifierCriteria(id));
        tx.trace().path(tx.index(), "Practitioner", field);
        PractitionerRole role = new PractitionerRole()
                .setPractitioner(new Reference(practitioner).setDisplay(name))
                .setOrganization(unit.copy());
        role.addIdentifier(id.copy());
        role.addCode(code);
        if (phone != null) {
            role.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
        }
        String ref = tx.createIfNoneExist(role, TransactionBuilder.identifierCriteria(id));
        tx.trace().path(tx.index(), "PractitionerRole", field);
        return ref;
    }
}
