package se.vardbrygga.simulators;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The demo's window on the outage mail server: {@code GET http://localhost:9106/outage-mail} lists every e-mail the
 * outage routine sent (to, subject, Message-ID, content type) with the SBAR form as the receiving unit reads it after
 * decrypting with its key — what a unit would see in its mail client.
 */
public final class OutageMailView implements AutoCloseable {
    public static final int DEMO_PORT = 9106;

    private final HttpServer server;

    private OutageMailView(HttpServer server) {
        this.server = server;
    }

    public static OutageMailView start(OutageMailServer mail, ReceivingUnitKeys keys, int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/outage-mail", exchange -> list(exchange, mail, keys));
        server.start();
        return new OutageMailView(server);
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/outage-mail";
    }

    private static void list(HttpExchange exchange, OutageMailServer mail, ReceivingUnitKeys keys) throws IOException {
        try (exchange) {
            StringBuilder json = new StringBuilder("[");
            for (MimeMessage message : mail.received()) {
                json.append(json.length() > 1 ? ",\n" : "\n").append(entry(message, keys));
            }
            byte[] body = json.append("\n]\n").toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String entry(MimeMessage message, ReceivingUnitKeys keys) {
        try {
            String sbar = keys.sbarText(message).orElse("(not a demo unit: cannot decrypt)");
            return "{\"to\":" + quote(Arrays.toString(message.getAllRecipients())) + ",\"subject\":" + quote(message.getSubject())
                    + ",\"messageId\":" + quote(message.getMessageID()) + ",\"contentType\":" + quote(message.getContentType())
                    + ",\"decryptedSbarForm\":" + quote(sbar) + "}";
        } catch (MessagingException | RuntimeException e) {
            return "{\"error\":" + quote(e.getClass().getSimpleName()) + "}";
        }
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : (s == null ? "" : s).toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
