package io.cuecast.gateway.websocket;

import io.cuecast.gateway.Gateway;
import io.cuecast.gateway.PublishResult;
import io.cuecast.gateway.Stream;

/** The publish route's bean: names the stream by its wire name, as the route's content-based router does. */
public final class StreamPublication {
    private final Gateway gateway;

    public StreamPublication(Gateway gateway) {
        this.gateway = gateway;
    }

    public PublishResult publish(String streamName, Object data) {
        Stream stream = Stream.fromWireName(streamName)
                .orElseThrow(() -> new IllegalArgumentException("no stream named '" + streamName + "'"));
        return gateway.publish(stream, data);
    }
}
