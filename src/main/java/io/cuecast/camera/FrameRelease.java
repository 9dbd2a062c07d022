package io.cuecast.camera;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The detection route's first step: the exchange that carries a frame frees its pixels when it is
 * done, whether it went through or failed. Not earlier, because a failed frame must still be whole
 * when the error handler retries it or writes it to the dead letters.
 */
public final class FrameRelease {

    public void whenDone(Exchange exchange) {
        Frame frame = exchange.getMessage().getBody(Frame.class);
        if (frame != null) {
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onDone(Exchange done) {
                    frame.close();
                }
            });
        }
    }
}
