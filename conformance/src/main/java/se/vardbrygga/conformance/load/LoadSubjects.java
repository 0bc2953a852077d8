package se.vardbrygga.conformance.load;

import java.util.Map;
import java.util.Set;

/**
 * Whom the load run's requests are about: the patient, the sending unit (the caller's own), the receiving
 * municipal home-care unit and the ordering physician at the sending unit. The defaults are the demo's, as in the
 * suite's scripts; {@code --var NAME=VALUE} gives another server's (units by HSA-id: a server that lets a unit write
 * only what names it must see the caller's units here).
 */
public record LoadSubjects(String personnummer, String requesterHsaId, String ownerHsaId, String physicianHsaId) {

    private static final Set<String> NAMES = Set.of("personnummer", "requesterHsaId", "ownerHsaId", "physicianHsaId");
    static final LoadSubjects DEMO = new LoadSubjects("194403279823", "SE2321009959-VB1401", "SE2120009952-VB2401",
            "SE2321009959-R0101");

    /** The demo's subjects with the given variables in their place; an unknown name is a usage error. */
    static LoadSubjects withVars(Map<String, String> vars) {
        for (String name : vars.keySet()) {
            if (!NAMES.contains(name)) {
                throw new UsageException("unknown --var " + name + ", expected personnummer, requesterHsaId, ownerHsaId or physicianHsaId");
            }
            if (!vars.get(name).matches("[A-Za-z0-9-]+")) {
                throw new UsageException("--var " + name + " takes letters, digits and '-', was '" + vars.get(name) + "'");
            }
        }
        return new LoadSubjects(vars.getOrDefault("personnummer", DEMO.personnummer),
                vars.getOrDefault("requesterHsaId", DEMO.requesterHsaId), vars.getOrDefault("ownerHsaId", DEMO.ownerHsaId),
                vars.getOrDefault("physicianHsaId", DEMO.physicianHsaId));
    }

    /** Names the units, not the patient. */
    @Override
    public String toString() {
        return "LoadSubjects[requester=" + requesterHsaId + ", owner=" + ownerHsaId + ", physician=" + physicianHsaId + "]";
    }
}
