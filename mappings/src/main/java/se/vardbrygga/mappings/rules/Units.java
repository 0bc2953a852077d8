package se.vardbrygga.mappings.rules;

import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import se.vardbrygga.profiles.Canonical;

/** Which principal a unit or a professional belongs to, from Organization.type (organization-type). */
public final class Units {
    static final Set<String> MUNICIPAL = Set.of("municipal-home-care", "assistance-provider");
    static final Set<String> REGION = Set.of("region-ward", "emergency-department", "outpatient-clinic",
            "dental-clinic", "health-centre", "specialist-clinic", "region-primary-care");

    private Units() {
    }

    /** The organization a reference names, directly or as the organization of a PractitionerRole. */
    public static Optional<Organization> organizationOf(Reference reference, Facts facts) {
        Optional<Resource> target = facts.resolve(reference);
        if (target.isPresent() && target.get() instanceof PractitionerRole role && role.hasOrganization()) {
            target = facts.resolve(role.getOrganization());
        }
        return target.filter(Organization.class::isInstance).map(Organization.class::cast);
    }

    /** A unit of the region (hospital, clinic, health centre…), as opposed to the municipality's or a provider's. */
    public static boolean isRegion(Organization organization) {
        return hasType(organization, REGION);
    }

    static boolean hasType(Organization organization, Set<String> types) {
        return organization.getType().stream().flatMap(t -> t.getCoding().stream())
                .anyMatch(c -> Canonical.ORGANIZATION_TYPE.equals(c.getSystem()) && types.contains(c.getCode()));
    }
}
