package se.vardbrygga.adapter.channel;

/** One kind of downstream system (Cosmic, Lifecare SP, NPÖ): delivers one message and says how it went. */
public interface Channel {
    Delivery deliver(Outgoing message);
}
