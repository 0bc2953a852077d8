package se.vardbrygga.adapter.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.MethodNotAllowedException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.util.UrlUtil;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleEntryResponseComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.vardbrygga.adapter.search.SearchRequest;
import se.vardbrygga.adapter.store.ResourceStore;
import se.vardbrygga.adapter.store.StoreSession;

/**
 * Processes transaction and batch Bundles (FHIR R4 3.1.0.11). A transaction runs in one database
 * transaction: every entry is written or none is. Placeholder ids ({@code urn:uuid:}) are replaced by
 * the server-assigned ids in every reference, and conditional references ({@code Patient?identifier=})
 * are resolved to their single match. A batch runs each entry on its own and reports each outcome.
 */
public final class BundleProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(BundleProcessor.class);
    /** An expression rooted at a resource type ({@code Task.requester}), as the validator and the rules write them. */
    private static final java.util.regex.Pattern RESOURCE_ROOTED = java.util.regex.Pattern.compile("^[A-Z][A-Za-z]*(\\..*)?$");

    private final FhirContext context;
    private final ResourceService service;
    private final ResourceStore store;
    private final java.util.Set<String> writableTypes;

    public BundleProcessor(FhirContext context, ResourceService service, ResourceStore store, java.util.Set<String> writableTypes) {
        this.context = context;
        this.service = service;
        this.store = store;
        this.writableTypes = writableTypes;
    }

    /** Runs a transaction or batch as {@code access} may: what it reads is filtered, what it writes names its unit. */
    public Bundle process(Bundle request, Access access) {
        if (request.getType() == BundleType.TRANSACTION) {
            return transaction(request, access);
        }
        if (request.getType() == BundleType.BATCH) {
            return batch(request, access);
        }
        throw Outcomes.invalid("Bundle.type must be transaction or batch", "Bundle.type");
    }

    private Bundle transaction(Bundle request, Access access) {
        for (int i = 0; i < request.getEntry().size(); i++) {
            checkEntry(request.getEntry().get(i), i);
        }
        return store.inTransaction(session -> {
            // a copy per attempt: references are rewritten in place, and a deadlock runs the work again
            List<BundleEntryComponent> entries = request.copy().getEntry();
            Map<String, String> placeholders = new HashMap<>();
            Map<Integer, String> newIds = new HashMap<>();
            Map<Integer, Resource> matched = new HashMap<>();
            // conditional writes whose criteria match nothing yet lock them, all at once in one order (no deadlock);
            // one that matches a committed resource creates nothing and needs no lock (see findConditionalMatch)
            Map<Integer, Resource> committed = new HashMap<>();
            List<String[]> toLock = new java.util.ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                BundleEntryComponent e = entries.get(i);
                String criteria = conditionalCriteria(e);
                if (criteria != null) {
                    final int index = i;
                    atEntry(i, () -> service.findMatch(session, e.getResource().fhirType(), criteria)).ifPresentOrElse(
                            found -> committed.put(index, found), () -> toLock.add(new String[] {e.getResource().fhirType(), criteria}));
                }
            }
            service.lockCriteria(session, toLock);
            // 1. decide every POST's id (a conditional create may match an existing resource) and every
            //    conditional PUT's target (an update of its single match, else a create at a new id)
            for (int i = 0; i < entries.size(); i++) {
                BundleEntryComponent e = entries.get(i);
                String criteria = conditionalCriteria(e);
                if (criteria == null && e.getRequest().getMethod() != HTTPVerb.POST) {
                    continue;
                }
                Resource r = e.getResource();
                Resource existing = committed.containsKey(i) ? committed.get(i)
                        : atEntry(i, () -> service.findMatch(session, r.fhirType(), criteria).orElse(null)); // locked above
                String id;
                if (existing != null) {
                    matched.put(i, existing);
                    id = existing.getIdElement().getIdPart();
                } else {
                    id = service.newId();
                    newIds.put(i, id);
                }
                if (e.hasFullUrl()) {
                    placeholders.put(e.getFullUrl(), r.fhirType() + "/" + id);
                }
            }
            // 2. rewrite references, 3. write (POST before PUT), 4. read (GET last)
            BundleEntryComponent[] responses = new BundleEntryComponent[entries.size()];
            for (HTTPVerb verb : List.of(HTTPVerb.POST, HTTPVerb.PUT, HTTPVerb.GET)) {
                for (int i = 0; i < entries.size(); i++) {
                    BundleEntryComponent e = entries.get(i);
                    if (e.getRequest().getMethod() != verb) {
                        continue;
                    }
                    final int index = i;
                    responses[i] = atEntry(i, () -> {
                        if (verb != HTTPVerb.GET) {
                            rewriteReferences(session, e.getResource(), placeholders);
                        }
                        if (verb == HTTPVerb.GET) {
                            return get(session, e, access);
                        }
                        if (newIds.containsKey(index)) {
                            return writeResponse(service.insertNew(session, e.getResource(), newIds.get(index)), "201 Created");
                        }
                        if (verb == HTTPVerb.POST) {
                            return writeResponse(matched.get(index), "200 OK");
                        }
                        return matched.containsKey(index)
                                ? writeResponse(service.update(session, e.getResource().fhirType(),
                                        matched.get(index).getIdElement().getIdPart(), e.getResource(), null, access), "200 OK")
                                : put(session, e, access);
                    });
                }
            }
            // 5. everything written names the caller's unit, as the whole transaction left it (a Patient is in a care
            //    relation through the Task written beside it); what a conditional create found is only referred to
            for (int i = 0; i < entries.size(); i++) {
                HTTPVerb method = entries.get(i).getRequest().getMethod();
                boolean wrote = method == HTTPVerb.PUT || (method == HTTPVerb.POST && !matched.containsKey(i)); // a matched conditional create wrote nothing
                if (wrote) {
                    Resource written = (Resource) responses[i].getResource();
                    atEntry(i, () -> {
                        service.acceptWrite(session, access, written);
                        return null;
                    });
                }
            }
            return responseBundle(BundleType.TRANSACTIONRESPONSE, List.of(responses));
        });
    }

    /**
     * The search criteria that decide an entry's target: If-None-Exist of a conditional create, or the
     * query of a conditional update ({@code PUT Type?criteria}); null for anything else.
     */
    private static String conditionalCriteria(BundleEntryComponent e) {
        HTTPVerb method = e.getRequest().getMethod();
        if (method == HTTPVerb.POST) {
            return e.getRequest().getIfNoneExist();
        }
        return method == HTTPVerb.PUT && e.getRequest().getUrl().contains("?") ? e.getRequest().getUrl() : null;
    }

    private Bundle batch(Bundle request, Access access) {
        List<BundleEntryComponent> responses = new ArrayList<>();
        List<BundleEntryComponent> entries = request.getEntry();
        for (int i = 0; i < entries.size(); i++) {
            BundleEntryComponent e = entries.get(i);
            final int index = i;
            try {
                checkEntry(e, index);
                responses.add(atEntry(i, () -> store.inTransaction(session -> {
                        if (e.hasResource()) {
                            rewriteReferences(session, e.getResource(), Map.of());
                        }
                        BundleEntryComponent response = switch (e.getRequest().getMethod()) {
                            case POST -> {
                                ResourceService.WriteOutcome out = service.create(session, e.getResource(), e.getRequest().getIfNoneExist());
                                yield writeResponse(out.resource(), out.created() ? "201 Created" : "200 OK");
                            }
                            case PUT -> put(session, e, access);
                            default -> get(session, e, access);
                        };
                        if (e.getRequest().getMethod() != HTTPVerb.GET) {
                            service.acceptWrite(session, access, (Resource) response.getResource());
                        }
                        return response;
                    })));
            } catch (BaseServerResponseException failure) {
                BundleEntryComponent failed = new BundleEntryComponent();
                failed.getResponse()
                        .setStatus(failure.getStatusCode() + " " + org.eclipse.jetty.http.HttpStatus.getMessage(failure.getStatusCode()))
                        .setOutcome((Resource) failure.getOperationOutcome());
                responses.add(failed);
            }
        }
        return responseBundle(BundleType.BATCHRESPONSE, responses);
    }

    private void checkEntry(BundleEntryComponent e, int i) {
        atEntry(i, () -> {
            if (!e.hasRequest() || !e.getRequest().hasMethod() || !e.getRequest().hasUrl()) {
                throw Outcomes.invalid("Every entry needs request.method and request.url", "Bundle.entry[" + i + "].request");
            }
            HTTPVerb method = e.getRequest().getMethod();
            if (method == HTTPVerb.DELETE || method == HTTPVerb.PATCH || method == HTTPVerb.HEAD) {
                throw new MethodNotAllowedException(method + " is not supported; clinical resources end by status, not by deletion");
            }
            if (method == HTTPVerb.GET) {
                return null;
            }
            if (!e.hasResource()) {
                throw Outcomes.invalid(method + " entry without a resource", "Bundle.entry[" + i + "].resource");
            }
            String urlType = e.getRequest().getUrl().split("[/?]")[0];
            String type = e.getResource().fhirType();
            if (!urlType.equals(type)) {
                throw Outcomes.invalid("request.url type " + urlType + " differs from the resource type " + type,
                        "Bundle.entry[" + i + "].request.url");
            }
            if (!writableTypes.contains(type)) {
                throw new MethodNotAllowedException(type + " cannot be written by a client");
            }
            return null;
        });
    }

    private BundleEntryComponent put(StoreSession session, BundleEntryComponent e, Access access) {
        IdType id = new IdType(e.getRequest().getUrl());
        if (!id.hasIdPart() || !id.hasResourceType()) {
            throw Outcomes.invalid("PUT needs request.url of the form Type/id", "request.url");
        }
        Resource r = e.getResource();
        if (r.hasIdElement() && r.getIdElement().hasIdPart() && !r.getIdElement().getIdPart().equals(id.getIdPart())) {
            throw Outcomes.invalid("Resource id " + r.getIdElement().getIdPart() + " differs from request.url id " + id.getIdPart(), "resource.id");
        }
        Integer expected = e.getRequest().hasIfMatch()
                ? VersionIds.parse(e.getRequest().getIfMatch().replaceAll("^W/\"|\"$", ""), "request.ifMatch") : null;
        return writeResponse(service.update(session, id.getResourceType(), id.getIdPart(), r, expected, access), "200 OK");
    }

    private BundleEntryComponent get(StoreSession session, BundleEntryComponent e, Access access) {
        String url = e.getRequest().getUrl();
        int q = url.indexOf('?');
        BundleEntryComponent out = new BundleEntryComponent();
        out.getResponse().setStatus("200 OK");
        if (q >= 0) {
            String type = url.substring(0, q);
            SearchRequest search = service.searchParser().parse(type, UrlUtil.parseQueryString(url.substring(q + 1)), false);
            SearchResultPage page = service.search(session, type, search, access);
            Bundle searchset = new Bundle().setType(BundleType.SEARCHSET).setTotal(page.size());
            page.getResources(0, Integer.MAX_VALUE).forEach(r -> searchset.addEntry().setResource((Resource) r)
                    .setFullUrl(r.getIdElement().toUnqualifiedVersionless().getValue()));
            out.setResource(searchset);
            return out;
        }
        IdType id = new IdType(url);
        service.requireReadable(session, access, id.getResourceType(), id.getIdPart());
        Resource r = id.hasVersionIdPart()
                ? service.vread(session, id.getResourceType(), id.getIdPart(), VersionIds.parse(id.getVersionIdPart(), "request.url"))
                : service.read(session, id.getResourceType(), id.getIdPart());
        out.setResource(r);
        out.getResponse().setEtag("W/\"" + r.getMeta().getVersionId() + "\"").setLastModified(r.getMeta().getLastUpdated());
        return out;
    }

    /** Replaces placeholder and conditional references; an unresolvable one fails the entry. */
    private void rewriteReferences(StoreSession session, Resource resource, Map<String, String> placeholders) {
        for (Reference ref : context.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class)) {
            String value = ref.getReference();
            if (value == null) {
                continue;
            }
            if (placeholders.containsKey(value)) {
                ref.setReference(placeholders.get(value));
            } else if (value.startsWith("urn:uuid:")) {
                throw Outcomes.invalid("Reference " + value + " matches no fullUrl in the Bundle", "reference");
            } else if (value.contains("?")) {
                String type = value.substring(0, value.indexOf('?'));
                Resource match = service.findMatch(session, type, value)
                        .orElseThrow(() -> new PreconditionFailedException("Conditional reference " + value + " matches nothing"));
                ref.setReference(type + "/" + match.getIdElement().getIdPart());
            }
        }
    }

    private static BundleEntryComponent writeResponse(Resource r, String status) {
        BundleEntryComponent out = new BundleEntryComponent();
        IdType id = (IdType) r.getIdElement();
        out.setFullUrl(id.toUnqualifiedVersionless().getValue());
        out.setResource(r);
        BundleEntryResponseComponent response = out.getResponse().setStatus(status)
                .setLocation(id.getResourceType() + "/" + id.getIdPart() + "/_history/" + r.getMeta().getVersionId())
                .setEtag("W/\"" + r.getMeta().getVersionId() + "\"")
                .setLastModified(r.getMeta().getLastUpdated());
        return out.setResponse(response);
    }

    private static Bundle responseBundle(BundleType type, List<BundleEntryComponent> entries) {
        Bundle bundle = new Bundle().setType(type);
        entries.forEach(bundle::addEntry);
        return bundle;
    }

    /** An entry's resource's {@code Type.path} as FHIRPath from the Bundle: {@code Bundle.entry[i].resource.path}. */
    static String inEntry(String entry, String expression) {
        if (!RESOURCE_ROOTED.matcher(expression).matches()) {
            return entry + "." + expression; // e.g. an operation's parameter name
        }
        int dot = expression.indexOf('.');
        return entry + ".resource" + (dot < 0 ? "" : expression.substring(dot));
    }

    /** Runs work for entry i; an error names the entry it came from, in the message and in the outcome. */
    private static <T> T atEntry(int i, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (BaseServerResponseException e) {
            String where = "Bundle.entry[" + i + "]";
            OperationOutcome oo = Outcomes.outcome(IssueType.PROCESSING, where + ": " + e.getMessage(), where);
            if (e.getOperationOutcome() instanceof OperationOutcome original) {
                original.getIssue().forEach(issue -> {
                    issue.getExpression().replaceAll(x -> new org.hl7.fhir.r4.model.StringType(inEntry(where, x.getValue())));
                    oo.addIssue(issue);
                });
            }
            e.setOperationOutcome(oo);
            throw e;
        } catch (RuntimeException e) {
            String incident = Incidents.log(LOG, "Bundle.entry[" + i + "] failed", e);
            throw new InternalErrorException("Bundle.entry[" + i + "] could not be processed (incident " + incident + ")");
        }
    }
}
