package se.vardbrygga.adapter.channel;

import java.io.IOException;
import java.net.http.HttpTimeoutException;

/**
 * The one table that says what a downstream answer means for the outbox: which failures are worth another attempt
 * (the system is down or overloaded) and which are refusals that no retry will change (dead letter at once).
 */
public final class DeliveryFailures {
    private DeliveryFailures() {
    }

    public static Delivery ofStatus(int status, String what) {
        if (status >= 200 && status < 300) {
            return new Delivery.Delivered(what + ": HTTP " + status);
        }
        if (status == 401 || status == 403) {
            return new Delivery.Transient(what + ": HTTP " + status + " (credentials or token; retried with a new token)");
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return new Delivery.Transient(what + ": HTTP " + status);
        }
        return new Delivery.Fatal(what + ": HTTP " + status + " (refused by the receiver)");
    }

    /** A downstream call whose exceptions become deliveries by this table (an interruption: try again). */
    public interface Call {
        Delivery run() throws Exception;
    }

    public static Delivery calling(String what, Call call) {
        try {
            return call.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.Transient(what + ": interrupted");
        } catch (Exception e) {
            return ofException(e, what);
        }
    }

    public static Delivery ofException(Exception e, String what) {
        if (e instanceof HttpTimeoutException) {
            return new Delivery.Transient(what + ": timed out");
        }
        if (e instanceof IOException) {
            return new Delivery.Transient(what + ": unreachable (" + e.getClass().getSimpleName() + ")");
        }
        return new Delivery.Fatal(what + ": " + e.getClass().getSimpleName());
    }
}
