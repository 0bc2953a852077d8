package se.vardbrygga.mappings.rules;

import java.util.Optional;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import se.vardbrygga.mappings.Codes;

/** The personal assistance an admitted patient has (extension vb-personal-assistance on Encounter). */
public record PersonalAssistance(Reference executor, boolean specialNeedsFlagged, boolean compensationGranted) {

    public static Optional<PersonalAssistance> of(Encounter encounter) {
        Extension ext = encounter.getExtensionByUrl(Codes.PERSONAL_ASSISTANCE);
        if (ext == null) {
            return Optional.empty();
        }
        Extension executor = ext.getExtensionByUrl("executor");
        if (executor == null || !(executor.getValue() instanceof Reference reference)) {
            return Optional.empty();
        }
        return Optional.of(new PersonalAssistance(reference, flag(ext, "specialNeedsFlagged"), flag(ext, "compensationGranted")));
    }

    private static boolean flag(Extension ext, String name) {
        Extension sub = ext.getExtensionByUrl(name);
        return sub != null && sub.getValue() instanceof BooleanType b && b.booleanValue();
    }

    public Extension toExtension() {
        Extension ext = new Extension(Codes.PERSONAL_ASSISTANCE);
        ext.addExtension("executor", executor.copy());
        ext.addExtension("specialNeedsFlagged", new BooleanType(specialNeedsFlagged));
        ext.addExtension("compensationGranted", new BooleanType(compensationGranted));
        return ext;
    }
}
