package se.vardbrygga.adapter.server;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.ConditionalDeleteStatus;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import se.vardbrygga.adapter.search.SearchParamDef;
import se.vardbrygga.adapter.search.SearchParamRegistry;

/**
 * Completes the CapabilityStatement HAPI generates from the providers with what the generic search
 * cannot declare by annotations: the search parameters and includes of each type (from the same
 * registry the search uses), versioning, conditional create and the absence of update-as-create and
 * delete. What is listed is exactly what works.
 */
public final class CapabilityStatementCustomizer {
    private final SearchParamRegistry registry;
    private final String version;

    public CapabilityStatementCustomizer(SearchParamRegistry registry, String version) {
        this.registry = registry;
        this.version = version;
    }

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void customize(IBaseConformance generated) {
        CapabilityStatement cs = (CapabilityStatement) generated;
        cs.setName("Vardbrygga").setTitle("Vårdbrygga FHIR R4 adapter")
                .setPublisher("Vårdbrygga");
        cs.getSoftware().setName("Vårdbrygga").setVersion(version);
        cs.getText().setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">Vårdbrygga FHIR R4 adapter " + version + "</div>");
        cs.getImplementation().setDescription("Care coordination between Swedish regions and municipalities");
        cs.getFormat().clear();
        cs.addFormat("application/fhir+json").addFormat("application/fhir+xml");
        for (CapabilityStatement.CapabilityStatementRestComponent rest : cs.getRest()) {
            // HAPI adds OperationDefinition for declared operations; this server declares none.
            rest.getResource().removeIf(r -> !registry.resourceTypes().contains(r.getType()));
            // The one @Transaction method serves both Bundle types; HAPI only lists transaction.
            boolean batchListed = rest.getInteraction().stream()
                    .anyMatch(i -> i.getCode() == CapabilityStatement.SystemRestfulInteraction.BATCH);
            if (!batchListed) {
                rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.BATCH);
            }
            for (CapabilityStatementRestResourceComponent resource : rest.getResource()) {
                describe(resource);
            }
        }
    }

    private void describe(CapabilityStatementRestResourceComponent resource) {
        String type = resource.getType();
        boolean writable = resource.getInteraction().stream()
                .anyMatch(i -> i.getCode() == CapabilityStatement.TypeRestfulInteraction.CREATE);
        resource.setVersioning(ResourceVersionPolicy.VERSIONED)
                .setReadHistory(true)
                .setUpdateCreate(false)
                .setConditionalCreate(writable)
                .setConditionalUpdate(false)
                .setConditionalDelete(ConditionalDeleteStatus.NOTSUPPORTED);
        resource.getSearchParam().clear();
        resource.addSearchParam().setName(SearchParamRegistry.ID).setType(SearchParamType.TOKEN);
        resource.addSearchParam().setName(SearchParamRegistry.LAST_UPDATED).setType(SearchParamType.DATE);
        for (SearchParamDef def : registry.paramsOf(type)) {
            resource.addSearchParam().setName(def.name()).setType(SearchParamType.fromCode(def.type().fhirCode()));
        }
        resource.getSearchInclude().clear();
        registry.includesOf(type).forEach(resource::addSearchInclude);
    }
}
