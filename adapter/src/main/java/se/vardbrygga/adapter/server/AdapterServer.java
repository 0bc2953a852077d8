package se.vardbrygga.adapter.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import ca.uhn.fhir.rest.server.IResourceProvider;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import se.vardbrygga.adapter.config.AdapterConfig;
import se.vardbrygga.adapter.fhir.BundleProcessor;
import se.vardbrygga.adapter.fhir.PatientOperations;
import se.vardbrygga.adapter.fhir.InvoiceOperations;
import se.vardbrygga.adapter.fhir.RouteOperations;
import se.vardbrygga.adapter.outbox.Channels;
import se.vardbrygga.adapter.outbox.DeliveryMetrics;
import se.vardbrygga.adapter.store.StoreSession;
import se.vardbrygga.adapter.outbox.OutboxWorker;
import se.vardbrygga.adapter.outage.OutageRoutine;
import se.vardbrygga.adapter.outbox.OutboxRouting;
import se.vardbrygga.adapter.fhir.TaskOperations;
import se.vardbrygga.adapter.fhir.ReadOnlyResourceProvider;
import se.vardbrygga.adapter.fhir.ResourceProvider;
import se.vardbrygga.adapter.fhir.ResourceService;
import se.vardbrygga.adapter.fhir.SupportedResources;
import se.vardbrygga.adapter.fhir.SystemProvider;
import se.vardbrygga.adapter.intake.IntakeService;
import se.vardbrygga.adapter.jobs.AssistanceLimitReminders;
import se.vardbrygga.adapter.jobs.PeriodicJobs;
import se.vardbrygga.adapter.intake.IntakeServlet;
import se.vardbrygga.adapter.search.IndexExtractor;
import se.vardbrygga.adapter.security.AccessAudit;
import se.vardbrygga.adapter.security.AuthenticationFilter;
import se.vardbrygga.adapter.security.AccessInterceptor;
import se.vardbrygga.adapter.security.AuditInterceptor;
import se.vardbrygga.adapter.security.ScopeInterceptor;
import se.vardbrygga.adapter.security.UnitAccessPolicy;
import se.vardbrygga.adapter.security.RegisteredClients;
import se.vardbrygga.adapter.security.TokenEndpoint;
import se.vardbrygga.adapter.security.TokenVerifier;
import java.util.Optional;
import se.vardbrygga.adapter.search.SearchParamRegistry;
import se.vardbrygga.adapter.search.SearchRequestParser;
import se.vardbrygga.adapter.store.JdbcResourceStore;
import se.vardbrygga.adapter.validation.ProfileValidator;
import se.vardbrygga.adapter.validation.ResourceValidator;
import se.vardbrygga.mappings.intake.IntakeKinds;
import se.vardbrygga.mappings.purchase.RegionRuleSets;
import se.vardbrygga.mappings.rules.DomainRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running adapter: the store, the FHIR server at {@code /fhir}, the intake at {@code /intake}, {@code /health},
 * the delivery log at {@code /admin/outbox}, on Jetty; the periodic jobs of the time-driven rules and the outbox worker.
 * Wiring is plain code here; {@link #start(AdapterConfig)} with port 0 takes a free port (tests).
 */
public final class AdapterServer implements AutoCloseable {
    public static final String VERSION = "0.1.0";
    private static final Logger LOG = LoggerFactory.getLogger(AdapterServer.class);

    private final Server jetty;
    private final JdbcResourceStore store;
    private final BundleProcessor bundles;
    private final AssistanceLimitReminders reminders;
    private final PeriodicJobs jobs;
    private final OutboxWorker outbox;
    private final java.util.List<AutoCloseable> companions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile se.vardbrygga.simulators.DownstreamSimulators simulators;

    private AdapterServer(Server jetty, JdbcResourceStore store, BundleProcessor bundles, AssistanceLimitReminders reminders,
                          PeriodicJobs jobs, OutboxWorker outbox) {
        this.jetty = jetty;
        this.store = store;
        this.bundles = bundles;
        this.reminders = reminders;
        this.outbox = outbox;
        this.jobs = jobs;
    }

    public static AdapterServer start(AdapterConfig config) throws Exception {
        return start(config, Clock.systemUTC());
    }

    /** Starts with {@code clock} as the time of every write and rule (tests move it to make rules due). */
    public static AdapterServer start(AdapterConfig config, Clock clock) throws Exception {
        FhirContext fhir = FhirContext.forR4();
        fhir.setParserErrorHandler(new StrictErrorHandler());
        SearchParamRegistry registry = SearchParamRegistry.standard();
        JdbcResourceStore store = JdbcResourceStore.open(config.database());
        try {
            RegionRuleSets regions = new RegionRuleSets(config.purchase().directory().orElse(null));
            ResourceService service = new ResourceService(fhir, new IndexExtractor(fhir, registry),
                    new SearchRequestParser(registry), validator(fhir, config.validation()), new DomainRules(regions), new OutboxRouting(), clock);
            Set<String> writable = SupportedResources.writableNames();
            List<IResourceProvider> providers = SupportedResources.ALL.stream()
                    .<IResourceProvider>map(s -> s.clientWritable()
                            ? new ResourceProvider<>(s.type(), s.name(), service, store)
                            : new ReadOnlyResourceProvider<>(s.type(), s.name(), service, store))
                    .toList();
            BundleProcessor bundles = new BundleProcessor(fhir, service, store, writable);
            AccessAudit audit = new AccessAudit(store, service, clock);
            Optional<TokenEndpoint> tokenEndpoint = config.security().issuesTokens() && !config.security().open()
                    ? Optional.of(new TokenEndpoint(RegisteredClients.load(Path.of(config.security().clientsFile())), store,
                            config.security().tokenSeconds(), config.security().clockSkewSeconds(), config.security().unitClaim(),
                            Clock.systemUTC())) // token times are checked against the real clock, whatever the rules' clock
                    : Optional.empty();
            Optional<TokenVerifier> verifier = tokenVerifier(config.security(), tokenEndpoint);
            ScopeInterceptor scopes = new ScopeInterceptor();
            UnitAccessPolicy access = new UnitAccessPolicy(fhir, audit, clock);
            FhirServlet fhirServlet = new FhirServlet(fhir, providers,
                    List.of(new SystemProvider(bundles), new PatientOperations(fhir, service, store, clock),
                            new TaskOperations(service, store), new InvoiceOperations(fhir, service, store, regions, clock),
                            new RouteOperations(service, store, clock)),
                    List.of(scopes, new TimePrecisionInterceptor(), new AccessInterceptor(access, service, store), new AuditInterceptor(audit, access), new UnsupportedInteractionInterceptor(writable), new ErrorOutcomeInterceptor(),
                            new CapabilityStatementCustomizer(registry, VERSION)),
                    config.server().publicBaseUrl());

            QueuedThreadPool threads = new QueuedThreadPool(64, 8);
            threads.setName("http");
            Server jetty = new Server(threads);
            jetty.addConnector(Connectors.of(jetty, config.server()));

            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath("/");
            context.addFilter(new FilterHolder(new SecurityHeadersFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
            context.addFilter(new FilterHolder(new RequestSizeLimitFilter(config.server().maxRequestBytes())), "/*",
                    EnumSet.of(DispatcherType.REQUEST));
            FilterHolder authentication = new FilterHolder(new AuthenticationFilter(verifier, config.security().requestsPerMinute(), audit, fhir));
            for (String path : List.of("/fhir/*", "/intake/*", "/admin/*")) {
                context.addFilter(authentication, path, EnumSet.of(DispatcherType.REQUEST));
            }
            context.addServlet(new ServletHolder("fhir", fhirServlet), "/fhir/*");
            String publicTokenUrl = config.server().publicBaseUrl().isBlank() ? ""
                    : config.server().publicBaseUrl().replaceFirst("/fhir/?$", "") + TokenServlet.PATH;
            tokenEndpoint.ifPresent(endpoint -> {
                context.addServlet(new ServletHolder("token", new TokenServlet(endpoint, audit, publicTokenUrl)), TokenServlet.PATH);
                context.addServlet(new ServletHolder("smart-configuration", new SmartConfigurationServlet(publicTokenUrl)),
                        SmartConfigurationServlet.PATH);
            });
            context.addServlet(new ServletHolder("health", new HealthServlet(store)), "/health");
            context.addServlet(new ServletHolder("outbox", new OutboxAdminServlet(store, clock)), "/admin/outbox/*");
            DeliveryMetrics metrics = new DeliveryMetrics(() -> store.inTransaction(StoreSession::outboxCounts));
            context.addServlet(new ServletHolder("metrics", new MetricsServlet(metrics)), "/metrics");
            IntakeService intake = new IntakeService(new IntakeKinds(), bundles, service, store, clock);
            context.addServlet(new ServletHolder("intake", new IntakeServlet(intake, fhir, scopes, access, audit)), "/intake/*");
            jetty.setHandler(context);
            jetty.start();
            AssistanceLimitReminders reminders = new AssistanceLimitReminders(store, service, clock);
            PeriodicJobs jobs = new PeriodicJobs()
                    .every(config.jobs().assistanceReminderInterval(), "assistance-limit-reminders (R-PA-1)", reminders);
            OutboxWorker outbox = new OutboxWorker(store, service, fhir, Channels.standard(fhir, config.routing(), clock), config.routing(),
                    OutageRoutine.of(config.outage(), config.routing().maxAttempts()), metrics, clock)
                    .start();
            return new AdapterServer(jetty, store, bundles, reminders, jobs, outbox);
        } catch (Exception | Error e) {
            store.close();
            throw e;
        }
    }

    /**
     * The token check of this node; empty when it runs open. Without keys and without {@code security.open} the server
     * does not start: trusting anyone must be asked for.
     */
    private static Optional<TokenVerifier> tokenVerifier(AdapterConfig.Security security, Optional<TokenEndpoint> own) {
        if (security.open()) {
            LOG.warn("SECURITY IS OFF (security.open=true): every request is served without authentication, unrestricted");
            return Optional.empty();
        }
        if (!security.hasKeys()) {
            throw new IllegalStateException("No token keys configured: set security.jwksFile or security.jwksUrl (with issuer and "
                    + "audience), or security.clientsFile for the own token endpoint, or security.open=true to run without authentication");
        }
        own.ifPresent(endpoint -> LOG.info("Token endpoint {} for the registered clients of {}", TokenServlet.PATH, security.clientsFile()));
        return Optional.of(new TokenVerifier(security, own.map(TokenEndpoint::publicKeys)));
    }

    private static ResourceValidator validator(FhirContext fhir, AdapterConfig.Validation config) {
        if (!config.enabled()) {
            LOG.warn("Profile validation is OFF (validation.enabled=false): resources are stored without checks");
            return ResourceValidator.NONE;
        }
        ProfileValidator validator = ProfileValidator.create(fhir);
        validator.warmUp();
        return validator;
    }

    public int port() {
        return ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
    }

    /** The FHIR base URL on the local interface, e.g. {@code http://localhost:8080/fhir} ({@code https} with TLS). */
    public String baseUrl() {
        boolean tls = jetty.getConnectors()[0].getConnectionFactory(org.eclipse.jetty.server.SslConnectionFactory.class) != null;
        return (tls ? "https" : "http") + "://localhost:" + port() + "/fhir";
    }

    /** The Bundle processor, for in-process seeding (the demo) through the same path as HTTP. */
    public BundleProcessor bundles() {
        return bundles;
    }

    /** The R-PA-1 reminder job, to run it now (tests, and the demo) instead of waiting for its schedule. */
    public AssistanceLimitReminders assistanceLimitReminders() {
        return reminders;
    }

    /** The demo's downstream simulators: they live as long as this server and are closed after it. */
    public void attach(se.vardbrygga.simulators.DownstreamSimulators simulators) {
        this.simulators = simulators;
        companions.add(simulators);
    }

    public java.util.Optional<se.vardbrygga.simulators.DownstreamSimulators> simulators() {
        return java.util.Optional.ofNullable(simulators);
    }

    /** The outbox worker of this node, to run a round now (tests) instead of waiting for its poll. */
    public OutboxWorker outboxWorker() {
        return outbox;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        try (store; jobs; outbox) {
            jetty.stop();
        } finally {
            for (AutoCloseable companion : companions) {
                companion.close();
            }
        }
    }
}
