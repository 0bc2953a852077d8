package se.vardbrygga.mappings.rules;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Resource;

/** What the rules write in the same transaction as the resource that caused them. */
public record RuleEffects(List<Resource> creates, List<Change> changes) {
    public static final RuleEffects NONE = new RuleEffects(List.of(), List.of());

    public RuleEffects and(RuleEffects other) {
        if (other.creates.isEmpty() && other.changes.isEmpty()) {
            return this;
        }
        List<Resource> c = new ArrayList<>(creates);
        c.addAll(other.creates);
        List<Change> ch = new ArrayList<>(changes);
        ch.addAll(other.changes);
        return new RuleEffects(c, ch);
    }

    public static RuleEffects creating(List<Resource> resources) {
        return new RuleEffects(List.copyOf(resources), List.of());
    }
}
