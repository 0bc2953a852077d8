package se.vardbrygga.adapter.channel;

/** How one delivery went: delivered; a transient failure (try again later); or refused for good. */
public sealed interface Delivery {
    String detail();

    record Delivered(String detail) implements Delivery {
    }

    record Transient(String detail) implements Delivery {
    }

    record Fatal(String detail) implements Delivery {
    }
}
