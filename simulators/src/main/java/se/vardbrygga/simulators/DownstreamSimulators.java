package se.vardbrygga.simulators;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The five downstream systems of the demo directory, each a {@link ChannelSimulator} on its own port: Cosmic Link
 * (9101), Cosmic Messenger (9102), the Cosmic journal (9103), Lifecare SP (9104) and NPÖ (9105) — the addresses the
 * demo's Endpoints name — and the outage routine's mail server (SMTP 2525, IMAP 2143) with its view of the received
 * mail as the demo units read it (9106). With base port 0 each takes a free port and {@link #rewrite} moves the
 * addresses there.
 */
public final class DownstreamSimulators implements AutoCloseable {
    public static final int DEMO_BASE_PORT = 9101;
    private static final Map<String, ChannelSimulator.Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("cosmic-link", ChannelSimulator.Kind.FHIR_REST);
        KINDS.put("cosmic-messenger", ChannelSimulator.Kind.FHIR_REST);
        KINDS.put("cosmic-journal", ChannelSimulator.Kind.FHIR_REST);
        KINDS.put("lifecare-sp", ChannelSimulator.Kind.MESSAGING);
        KINDS.put("npo", ChannelSimulator.Kind.NPO);
    }

    private final Map<String, ChannelSimulator> byName = new LinkedHashMap<>();
    private OutageMailServer mail;
    private OutageMailView mailView;

    private DownstreamSimulators() {
    }

    public static DownstreamSimulators start(int basePort) throws IOException {
        DownstreamSimulators all = new DownstreamSimulators();
        int offset = 0;
        try {
            for (Map.Entry<String, ChannelSimulator.Kind> kind : KINDS.entrySet()) {
                all.byName.put(kind.getKey(), ChannelSimulator.start(kind.getKey(), kind.getValue(), basePort == 0 ? 0 : basePort + offset));
                offset++;
            }
            all.mail = OutageMailServer.start(basePort == 0 ? 0 : OutageMailServer.DEMO_SMTP_PORT,
                    basePort == 0 ? 0 : OutageMailServer.DEMO_IMAP_PORT);
            all.mailView = OutageMailView.start(all.mail, ReceivingUnitKeys.demo(), basePort == 0 ? 0 : basePort + offset);
        } catch (IOException | RuntimeException e) {
            all.close();
            throw e;
        }
        return all;
    }

    public ChannelSimulator get(String name) {
        return byName.get(name);
    }

    /** The outage routine's mail server (R-OUT-1). */
    public OutageMailServer mail() {
        return mail;
    }

    /** Where the demo shows the outage mail, decrypted as the receiving units read it. */
    public String mailViewUrl() {
        return mailView.url();
    }

    /** Moves the demo addresses ({@code http://localhost:910x/<name>/fhir}) to the ports these simulators have. */
    public String rewrite(String json) {
        int offset = 0;
        for (Map.Entry<String, ChannelSimulator> s : byName.entrySet()) {
            json = json.replace("http://localhost:" + (DEMO_BASE_PORT + offset) + "/" + s.getKey() + "/fhir", s.getValue().fhirBase());
            offset++;
        }
        return json;
    }

    @Override
    public void close() {
        byName.values().forEach(ChannelSimulator::close);
        if (mailView != null) {
            mailView.close();
        }
        if (mail != null) {
            mail.close();
        }
    }
}
