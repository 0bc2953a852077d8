package se.vardbrygga.conformance.load;

import java.net.http.HttpClient;
import se.vardbrygga.conformance.suite.Credentials;

/**
 * Who the load run is, as the suite's command line says it: the sending unit by {@code --token} or
 * {@code --client-id}/{@code --client-secret} (with {@code --scope}, {@code --token-url}), and the receiving unit that
 * searches and reads its Tasks by {@code --origin 2=TOKEN|ID:SECRET} (the suite's origin 2, the owner). Without a
 * receiver the sender searches and reads. Absent options are null; {@link #toString} names no secret.
 */
public record LoadAuth(String token, String clientId, String clientSecret, String scope, String tokenUrl, String receiver) {

    static final LoadAuth NONE = new LoadAuth(null, null, null, null, null, null);

    Credentials sender(HttpClient http, String baseUrl) {
        return Credentials.of(http, baseUrl, token, clientId, clientSecret, scope, tokenUrl);
    }

    /** The receiving unit's credentials, or the sender's when no receiver was given. */
    Credentials receiver(HttpClient http, String baseUrl, Credentials sender) {
        return receiver == null ? sender : Credentials.parse(http, baseUrl, receiver, scope, tokenUrl);
    }

    @Override
    public String toString() {
        return "LoadAuth[sender=" + (token != null ? "token" : clientId != null ? "client " + clientId : "none")
                + ", receiver=" + (receiver == null ? "the sender" : "origin 2") + "]";
    }
}
